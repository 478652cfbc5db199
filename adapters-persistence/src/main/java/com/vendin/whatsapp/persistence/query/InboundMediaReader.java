package com.vendin.whatsapp.persistence.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.media.MediaReference;
import com.vendin.whatsapp.ports.query.InboundMedia;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the media item of an inbound message from its {@code details_json} as the webhook parsers stored it: the
 * fields a tenant is told (id, MIME type, caption, filename), never the provider's URL (Twilio's {@code mediaUrl}
 * is only fetched with the account's credentials), and the reference a gateway link is signed for: Twilio's
 * {@code mediaUrl} when there is one, else Meta's {@code mediaId}, as the tenant payload names it.
 */
final class InboundMediaReader {
    static final Set<String> MEDIA_TYPES = Set.of("image", "audio", "video", "document", "sticker");
    private static final ObjectMapper JSON = new ObjectMapper();

    private InboundMediaReader() {}

    static Optional<InboundMedia> read(
            String type,
            String detailsJson,
            String tenantId,
            String providerMessageId,
            String provider,
            boolean viaPlatform) {
        if (!MEDIA_TYPES.contains(type) || detailsJson == null) {
            return Optional.empty();
        }
        JsonNode details;
        try {
            details = JSON.readTree(detailsJson);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (details == null || !details.isObject()) {
            return Optional.empty();
        }
        Optional<String> mediaId = text(details, "mediaId");
        Optional<String> twilioUrl = text(details, "mediaUrl");
        Optional<MediaReference> reference = Optional.empty();
        if (tenantId != null && TenantId.isValid(tenantId)) {
            TenantId tenant = new TenantId(tenantId);
            if (twilioUrl.isPresent()) {
                reference = Optional.of(
                        new MediaReference(tenant, providerMessageId, Provider.TWILIO, viaPlatform, twilioUrl.get()));
            } else if (mediaId.isPresent() && Provider.FACEBOOK.wireName().equals(provider)) {
                reference = Optional.of(
                        new MediaReference(tenant, providerMessageId, Provider.FACEBOOK, viaPlatform, mediaId.get()));
            }
        }
        return Optional.of(new InboundMedia(
                mediaId,
                text(details, "mimeType"),
                text(details, "caption"),
                text(details, "filename"),
                reference,
                Optional.empty()));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null
                        || !value.isValueNode()
                        || value.isNull()
                        || value.asText().isBlank()
                ? Optional.empty()
                : Optional.of(value.asText());
    }
}
