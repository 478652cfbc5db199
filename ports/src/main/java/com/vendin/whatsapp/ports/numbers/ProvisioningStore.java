package com.vendin.whatsapp.ports.numbers;

import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.time.Instant;
import java.util.Optional;

/**
 * Stores what provisioning produced, credentials encrypted. Each store call is one write transaction
 * that also returns any pool number the tenant held; rejections are {@code tenant_not_found} and
 * {@code phone_number_taken}.
 */
public interface ProvisioningStore {

    /** Makes {@code number} the tenant's and keeps the WABA id and registration PIN. */
    void storeMetaNumber(TenantId tenant, WhatsAppNumber number, String wabaId, Secret pin, Instant now);

    /** The PIN the tenant's Meta number was registered with. */
    Optional<Secret> registrationPin(TenantId tenant);

    Optional<TwilioSubaccount> twilioSubaccount(TenantId tenant);

    /** Keeps the tenant's Twilio subaccount (as soon as it exists, so a retry reuses it). */
    void saveTwilioSubaccount(TenantId tenant, TwilioSubaccount subaccount, Instant now);

    /** Makes the Twilio {@code number} the tenant's. */
    void storeTwilioNumber(TenantId tenant, WhatsAppNumber number, Instant now);
}
