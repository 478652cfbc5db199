package com.vendin.whatsapp.ports.numbers;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;

/** Use case: connect a store's own number through Meta Embedded Signup (CONTRACT §5.3, option A). */
public interface EmbeddedSignup {

    /** Runs the four Graph API steps and only then stores the number, its phone id, token and PIN. */
    Connected complete(TenantId tenant, Command command);

    /** {@code POST /api/v1/tenants/{id}/whatsapp/embedded-signup}, fields as the admin client sent them. */
    record Command(String code, String phoneNumberId, String wabaId, Optional<String> pin) {
        public Command {
            Objects.requireNonNull(pin, "pin");
        }

        @Override
        public String toString() {
            return "EmbeddedSignup.Command[phoneNumberId=" + phoneNumberId + ", wabaId=" + wabaId
                    + ", code=***, pin=***]";
        }
    }

    /** The connected number. */
    record Connected(PhoneNumber phoneNumber, String verifiedName) {
        public Connected {
            Objects.requireNonNull(phoneNumber, "phoneNumber");
            Objects.requireNonNull(verifiedName, "verifiedName");
        }
    }
}
