package com.vendin.whatsapp.persistence.tenant;

/** A {@code tenants} row as stored: credentials encrypted, absent values null, times in epoch milliseconds (public only for Jdbi binding). */
public record TenantRow(
        String id,
        String subdomain,
        String instanceUrl,
        String instanceSecret,
        String phoneNumber,
        String phoneId,
        String provider,
        String accessToken,
        String twilioAccountSid,
        String twilioAuthToken,
        String status,
        Long verifiedAt,
        long createdAt,
        long updatedAt) {

    @Override
    public String toString() {
        return "TenantRow[" + id + "]";
    }
}
