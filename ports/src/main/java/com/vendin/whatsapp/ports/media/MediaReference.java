package com.vendin.whatsapp.ports.media;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.Objects;

/**
 * One inbound media item as the provider named it: {@code media} is Meta's media id or Twilio's {@code MediaUrl};
 * {@code viaPlatform} when it came in on the platform number (an admin's message), whose credentials fetch it.
 */
public record MediaReference(
        TenantId tenantId, String messageId, Provider provider, boolean viaPlatform, String media) {
    public MediaReference {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(media, "media");
        if (media.isBlank()) {
            throw new IllegalArgumentException("a media reference names its media");
        }
    }
}
