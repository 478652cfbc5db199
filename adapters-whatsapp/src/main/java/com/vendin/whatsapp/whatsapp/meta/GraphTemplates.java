package com.vendin.whatsapp.whatsapp.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.delivery.TemplateMessage;
import com.vendin.whatsapp.whatsapp.http.ProviderJson;

/**
 * A template send's fields (platform-2026.md §2.6): {@code "type":"template","template":{"name","language":
 * {"code"},"components"}}, the components exactly as the tenant gave them.
 */
final class GraphTemplates {
    private GraphTemplates() {
    }

    static void put(ObjectNode root, TemplateMessage template) {
        TemplateMessage.Meta meta = (TemplateMessage.Meta) template;
        root.put("type", "template");
        ObjectNode body = root.putObject("template").put("name", meta.name());
        body.putObject("language").put("code", meta.languageCode());
        meta.componentsJson().ifPresent(components -> body.set("components", parse(components)));
    }

    private static JsonNode parse(String json) {
        try {
            return ProviderJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("template components are not JSON", e);
        }
    }
}
