package com.vendin.whatsapp.ports.numbers;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: buy a store a number in its own Twilio subaccount (CONTRACT §5.3, option C). Safe to
 * retry: the subaccount and a number already bought in it are reused.
 */
public interface ProvisionTwilioNumber {

    Bought provision(TenantId tenant, Command command);

    /** {@code POST /api/v1/tenants/{id}/whatsapp/twilio-number}: ISO country code and optional area code. */
    record Command(String country, Optional<String> areaCode) {
        public Command {
            Objects.requireNonNull(areaCode, "areaCode");
        }
    }

    /** The tenant's number; {@code whatsappSenderStatus} stays {@code pending} until the sender is registered. */
    record Bought(PhoneNumber phoneNumber, String subaccountSid, String whatsappSenderStatus) {
        public Bought {
            Objects.requireNonNull(phoneNumber, "phoneNumber");
            Objects.requireNonNull(subaccountSid, "subaccountSid");
            Objects.requireNonNull(whatsappSenderStatus, "whatsappSenderStatus");
        }
    }
}
