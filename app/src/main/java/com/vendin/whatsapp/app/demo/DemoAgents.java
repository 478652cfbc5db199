package com.vendin.whatsapp.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo's built-in store agents: each answers something simple in its own voice. Moda Brasil's answers its
 * customers with a rich reply (a text, a product photo the demo serves, buttons; CONTRACT §3.1); Tech Store's
 * answers at once with no text and replies later through the send API (§3.2, {@link LateReplies}).
 */
final class DemoAgents {
    static final String MODA_BRASIL = "moda-brasil";
    static final String TECH_STORE = "tech-store";
    /** The product photo Moda Brasil's agent shows, served by {@link DemoRoutes}. */
    static final String PRODUCT_PHOTO = DemoRoutes.PRODUCTS + "camiseta-azul.png";

    private static final Map<String, String> CUSTOMER = Map.of(
            MODA_BRASIL,
            "Moda Brasil aqui! Recebemos \"%s\". Camisetas a partir de R$ 49,90 - quer ver as cores?",
            TECH_STORE,
            "Tech Store: recebemos \"%s\" e consultamos o estoque: fones bluetooth com 20%% de desconto" + " hoje!",
            "cafe-aroma",
            "Cafe Aroma: \"%s\" anotado! Espresso R$ 6, cappuccino R$ 9. Retirada em 10 minutos.");
    private static final Map<String, String> OWNER = Map.of(
            MODA_BRASIL,
            "Moda Brasil (painel do dono): \"%s\" recebido. 3 pedidos novos hoje.",
            TECH_STORE,
            "Tech Store (painel do dono): \"%s\" recebido. Estoque de fones: 12 unidades.",
            "cafe-aroma",
            "Cafe Aroma (painel do dono): \"%s\" recebido. Vendas de hoje: R$ 412,00.");

    private final ObjectMapper mapper;
    private final DemoStores stores;
    private final LateReplies late;

    DemoAgents(ObjectMapper mapper, DemoStores stores, LateReplies late) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.late = Objects.requireNonNull(late, "late");
    }

    /** The reply body of store {@code store} to a gateway call (CONTRACT §3), empty for an unknown store. */
    Optional<String> answer(String store, byte[] body) throws java.io.IOException {
        JsonNode call = mapper.readTree(body);
        boolean owner = "admin".equals(call.path("role").asText());
        String template = (owner ? OWNER : CUSTOMER).get(store);
        if (template == null) {
            return Optional.empty();
        }
        String text = String.format(template, call.path("message").asText());
        if (!owner && MODA_BRASIL.equals(store) && stores.baseUrl().isPresent()) {
            return Optional.of(productReply(text, stores.baseUrl().get()).toString());
        }
        if (!owner && TECH_STORE.equals(store) && replyLater(store, call, text)) {
            return Optional.of("{}");
        }
        return Optional.of(mapper.createObjectNode().put("text", text).toString());
    }

    /** A text, the photo of the blue T-shirt (served by the demo at {@code base}) and two buttons. */
    private ObjectNode productReply(String text, String base) {
        ObjectNode reply = mapper.createObjectNode();
        ArrayNode messages = reply.putArray("messages");
        messages.addObject().put("type", "text").put("text", text);
        messages.addObject()
                .put("type", "image")
                .put("url", base + PRODUCT_PHOTO)
                .put("caption", "Camiseta azul - R$ 49,90");
        ObjectNode buttons = messages.addObject().put("type", "buttons").put("text", "Quer levar a camiseta azul?");
        buttons.putArray("buttons").add(button("comprar", "Comprar")).add(button("ver-cores", "Ver cores"));
        return reply;
    }

    private ObjectNode button(String id, String title) {
        return mapper.createObjectNode().put("id", id).put("title", title);
    }

    /** Schedules the late answer to the customer (by phone, else by BSUID); false when the call names neither. */
    private boolean replyLater(String store, JsonNode call, String text) {
        String to = call.path("from").asText("");
        if (to.isBlank()) {
            to = call.path("userId").asText("");
        }
        String messageId = call.path("messageId").asText("");
        if (to.isBlank() || messageId.isBlank()) {
            return false;
        }
        late.schedule(new LateReplies.Late(store, to, messageId, text));
        return true;
    }
}
