package com.vendin.whatsapp.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;

/** Admin API calls several end-to-end tests make, over HTTP as an operator would. */
public final class AdminCalls {
    private AdminCalls() {}

    /** Creates a tenant with its own Meta number and token; fails the test unless the gateway answers 201. */
    public static void createMetaTenant(
            TestGateway gateway, String id, String instanceUrl, String phone, String phoneId, String token) {
        String json = "{\"id\":\"" + id + "\",\"subdomain\":\"" + id + "\",\"instanceUrl\":\"" + instanceUrl + "\","
                + "\"whatsapp\":{\"phoneNumber\":\"" + phone + "\",\"phoneId\":\"" + phoneId + "\","
                + "\"provider\":\"facebook\",\"accessToken\":\"" + token + "\"}}";
        HttpResult created = gateway.admin("POST", "/api/v1/tenants", json);
        if (created.code() != 201) {
            throw new AssertionError("creating tenant " + id + " answered " + created.code() + ": " + created.body());
        }
    }

    /** The tenant's messages (inbound and outbound), newest first. */
    public static List<JsonNode> messages(TestGateway gateway, String tenantId) {
        return items(gateway.admin("GET", "/api/v1/tenants/" + tenantId + "/messages?limit=500", null));
    }

    public static List<JsonNode> items(HttpResult list) {
        if (list.code() != 200) {
            throw new AssertionError("listing answered " + list.code() + ": " + list.body());
        }
        return StreamSupport.stream(list.json().path("items").spliterator(), false)
                .toList();
    }

    /** The state of the inbound message with this provider id, or "" when it is not listed. */
    public static String inboundState(TestGateway gateway, String tenantId, String providerMessageId) {
        return messages(gateway, tenantId).stream()
                .filter(m -> m.path("direction").asText().equals("inbound"))
                .filter(m -> m.path("providerMessageId").asText().equals(providerMessageId))
                .map(m -> m.path("state").asText())
                .findFirst()
                .orElse("");
    }
}
