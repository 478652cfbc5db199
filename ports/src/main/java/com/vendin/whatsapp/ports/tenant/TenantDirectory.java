package com.vendin.whatsapp.ports.tenant;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.util.Optional;

/** Finds the tenant a message belongs to: by Meta phone number id, by store number, or by a registered admin phone. */
public interface TenantDirectory {

    Optional<Tenant> findByPhoneId(String phoneId);

    /** {@code number} is canonical E.164, compared exactly. */
    Optional<Tenant> findByNumber(PhoneNumber number);

    /** The admin registration for a canonical E.164 phone, if any. */
    Optional<AdminPhone> findAdminByPhone(PhoneNumber phone);
}
