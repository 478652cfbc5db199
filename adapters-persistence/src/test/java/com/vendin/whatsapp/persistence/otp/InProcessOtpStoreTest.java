package com.vendin.whatsapp.persistence.otp;

import com.vendin.whatsapp.ports.otp.OtpStore;
import com.vendin.whatsapp.ports.testing.contract.OtpStoreContract;

class InProcessOtpStoreTest extends OtpStoreContract {
    @Override
    protected OtpStore newStore() {
        return new InProcessOtpStore();
    }
}
