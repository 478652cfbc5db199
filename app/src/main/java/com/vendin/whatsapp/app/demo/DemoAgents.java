package com.vendin.whatsapp.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;

/** The demo's built-in store agents: each answers something simple in its own voice. */
final class DemoAgents {
    private static final Map<String, String> CUSTOMER = Map.of(
            "moda-brasil", "Moda Brasil aqui! Recebemos \"%s\". Camisetas a partir de R$ 49,90 - quer ver as cores?",
            "tech-store", "Tech Store: recebemos \"%s\". Fones bluetooth com 20%% de desconto hoje!",
            "cafe-aroma", "Cafe Aroma: \"%s\" anotado! Espresso R$ 6, cappuccino R$ 9. Retirada em 10 minutos.");
    private static final Map<String, String> OWNER = Map.of(
            "moda-brasil", "Moda Brasil (painel do dono): \"%s\" recebido. 3 pedidos novos hoje.",
            "tech-store", "Tech Store (painel do dono): \"%s\" recebido. Estoque de fones: 12 unidades.",
            "cafe-aroma", "Cafe Aroma (painel do dono): \"%s\" recebido. Vendas de hoje: R$ 412,00.");

    private final ObjectMapper mapper;

    DemoAgents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The reply body ({@code {"text":...}}) of store {@code store} to a gateway call, empty for an unknown store. */
    Optional<String> answer(String store, byte[] body) throws java.io.IOException {
        JsonNode call = mapper.readTree(body);
        String template = ("admin".equals(call.path("role").asText()) ? OWNER : CUSTOMER).get(store);
        if (template == null) {
            return Optional.empty();
        }
        String text = String.format(template, call.path("message").asText());
        return Optional.of(mapper.createObjectNode().put("text", text).toString());
    }
}
