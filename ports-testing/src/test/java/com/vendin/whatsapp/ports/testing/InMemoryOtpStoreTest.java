package com.vendin.whatsapp.ports.testing;

import com.vendin.whatsapp.ports.otp.OtpStore;
import com.vendin.whatsapp.ports.testing.contract.OtpStoreContract;

class InMemoryOtpStoreTest extends OtpStoreContract {
    @Override
    protected OtpStore newStore() {
        return new InMemoryOtpStore();
    }
}
