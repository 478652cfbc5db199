package com.vendin.whatsapp.http.tenant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.AgentRequest;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.media.MediaLinks;
import com.vendin.whatsapp.ports.media.MediaReference;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON body a tenant instance receives (CONTRACT §3): the seed's fields first, then the type's details object. */
final class TenantPayload {
    private static final Logger LOG = LoggerFactory.getLogger(TenantPayload.class);
    private static final Set<String> MEDIA = Set.of("image", "audio", "video", "document", "sticker");

    private final ObjectMapper mapper;
    private final MediaLinks mediaLinks;

    TenantPayload(ObjectMapper mapper) {
        this(mapper, MediaLinks.NONE);
    }

    TenantPayload(ObjectMapper mapper, MediaLinks mediaLinks) {
        this.mapper = mapper;
        this.mediaLinks = mediaLinks;
    }

    byte[] bytes(AgentRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.put("from", request.from().map(PhoneNumber::e164).orElse(""));
        body.put("message", request.content().text());
        body.put("role", request.role().wireName());
        body.put("threadId", request.threadId());
        body.put("messageId", request.messageId());
        body.put("tenantId", request.tenantId().value());
        body.put("type", request.content().type());
        request.profileName().ifPresent(name -> body.put("profileName", name));
        body.put("receivedAt", request.receivedAt().toString());
        request.userId().ifPresent(id -> body.put("userId", id));
        request.username().ifPresent(name -> body.put("username", name));
        request.content().detailsJson().ifPresent(json -> addDetails(body, request, json));
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a tenant payload", e);
        }
    }

    private void addDetails(ObjectNode body, AgentRequest request, String json) {
        try {
            JsonNode details = mapper.readTree(json);
            if (details != null && details.isObject()) {
                if (MEDIA.contains(request.content().type())) {
                    mediaReference(request, details)
                            .flatMap(mediaLinks::linkFor)
                            .ifPresent(url -> ((ObjectNode) details).put("url", url.toString()));
                }
                body.set(request.content().type(), details);
                return;
            }
        } catch (JsonProcessingException e) {
            // fall through to the warning
        }
        LOG.warn("message {} has details that are not a JSON object; sent without them", request.messageId());
    }

    /**
     * The provider's reference of a media item as the webhook parsers record it: Twilio's {@code mediaUrl}
     * (only Twilio's details carry one), else Meta's {@code mediaId}.
     */
    private static Optional<MediaReference> mediaReference(AgentRequest request, JsonNode details) {
        String twilioUrl = details.path("mediaUrl").asText("");
        String metaId = details.path("mediaId").asText("");
        boolean viaPlatform = request.role() == Role.ADMIN;
        if (!twilioUrl.isBlank()) {
            return Optional.of(new MediaReference(
                    request.tenantId(), request.messageId(), Provider.TWILIO, viaPlatform, twilioUrl));
        }
        if (!metaId.isBlank()) {
            return Optional.of(new MediaReference(
                    request.tenantId(), request.messageId(), Provider.FACEBOOK, viaPlatform, metaId));
        }
        return Optional.empty();
    }
}
