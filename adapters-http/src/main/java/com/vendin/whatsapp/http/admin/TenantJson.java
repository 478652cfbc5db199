package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;

/** The admin API's view of a tenant: never a secret or token, except the instance secret where CONTRACT §5.1 shows it. */
final class TenantJson {
    private final ObjectMapper mapper;

    TenantJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode view(Tenant tenant) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", tenant.id().value());
        node.put("subdomain", tenant.subdomain());
        node.put("instanceUrl", tenant.instanceUrl().toString());
        node.set("whatsapp", tenant.whatsapp().map(this::whatsapp).orElse(null));
        node.put("createdAt", tenant.createdAt().toString());
        node.put("updatedAt", tenant.updatedAt().toString());
        return node;
    }

    /** The view plus {@code instanceSecret}: only for the create response. */
    ObjectNode viewWithSecret(Tenant tenant) {
        return view(tenant).put("instanceSecret", tenant.instanceSecret().reveal());
    }

    ObjectNode secret(Secret instanceSecret) {
        return mapper.createObjectNode().put("instanceSecret", instanceSecret.reveal());
    }

    private ObjectNode whatsapp(WhatsAppNumber number) {
        ObjectNode node = mapper.createObjectNode();
        node.put("phoneNumber", number.phoneNumber().e164());
        node.put("phoneId", number.phoneId().orElse(null));
        node.put("provider", number.provider().wireName());
        node.put("status", number.status().wireName());
        node.put("twilioAccountSid", number.twilioAccountSid().orElse(null));
        node.put("hasAccessToken", number.accessToken().isPresent());
        node.put("hasTwilioAuthToken", number.twilioAuthToken().isPresent());
        node.put("verifiedAt", number.verifiedAt().map(Object::toString).orElse(null));
        return node;
    }
}
