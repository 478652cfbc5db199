package com.vendin.whatsapp.http.tenant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.delivery.AgentRequest;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON body a tenant instance receives (CONTRACT §3): the seed's fields first, then the type's details object. */
final class TenantPayload {
    private static final Logger LOG = LoggerFactory.getLogger(TenantPayload.class);

    private final ObjectMapper mapper;

    TenantPayload(ObjectMapper mapper) {
        this.mapper = mapper;
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
                body.set(request.content().type(), details);
                return;
            }
        } catch (JsonProcessingException e) {
            // fall through to the warning
        }
        LOG.warn("message {} has details that are not a JSON object; sent without them", request.messageId());
    }
}
