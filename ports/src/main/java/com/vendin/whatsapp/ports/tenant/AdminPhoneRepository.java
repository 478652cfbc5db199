package com.vendin.whatsapp.ports.tenant;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.util.List;

/** Stores admin phones; a phone (canonical E.164) belongs to at most one tenant. */
public interface AdminPhoneRepository {

    /** Adds the phone; a phone already registered anywhere is a conflict {@code phone_already_registered}. */
    void add(AdminPhone phone);

    List<AdminPhone> listFor(TenantId tenantId);

    boolean remove(TenantId tenantId, PhoneNumber phone);
}
