package com.vendin.whatsapp.http.webhook;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.Destination;
import com.vendin.whatsapp.ports.inbound.InboundBatch;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a verified Meta webhook body into an {@link InboundBatch}: every {@code messages[]} and
 * {@code statuses[]} item of every change, each with its own change's metadata. A malformed item is
 * skipped and counted; it never drops its siblings.
 */
final class MetaPayloadParser {
    private static final Logger LOG = LoggerFactory.getLogger(MetaPayloadParser.class);
    private static final String OBJECT = "whatsapp_business_account";

    private final ObjectMapper mapper;
    private final MetaContentMapper contents;
    private final Clock clock;

    MetaPayloadParser(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.contents = new MetaContentMapper(mapper);
        this.clock = clock;
    }

    /** The batch; a 400-kind rejection when the body is not JSON or not a WhatsApp Business Account payload. */
    ParsedPayload parse(byte[] body) {
        JsonNode root = readTree(body);
        if (!root.isObject() || !OBJECT.equals(root.path("object").asText(null))) {
            throw GatewayRejection.invalid("unsupported_object", "The payload's object is not " + OBJECT + ".");
        }
        List<InboundMessage> messages = new ArrayList<>();
        List<StatusUpdate> statuses = new ArrayList<>();
        int skipped = 0;
        for (JsonNode entry : Nodes.array(root, "entry")) {
            for (JsonNode change : Nodes.array(entry, "changes")) {
                skipped += readChange(change.path("value"), messages, statuses);
            }
        }
        return new ParsedPayload(new InboundBatch(messages, statuses), skipped);
    }

    private JsonNode readTree(byte[] body) {
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw GatewayRejection.invalid("invalid_json", "The body is empty.");
            }
            return root;
        } catch (JacksonException e) {
            throw GatewayRejection.invalid("invalid_json", "The body is not JSON.");
        } catch (IOException e) {
            throw GatewayRejection.invalid("invalid_json", "The body could not be read as JSON.");
        }
    }

    private int readChange(JsonNode value, List<InboundMessage> messages, List<StatusUpdate> statuses) {
        Destination destination = destination(value.path("metadata"));
        JsonNode contacts = value.path("contacts");
        int skipped = 0;
        for (JsonNode item : Nodes.array(value, "messages")) {
            try {
                messages.add(message(item, destination, contacts));
            } catch (RuntimeException e) {
                skipped++;
                LOG.warn("skipped a Meta message item: {}", e.getMessage());
            }
        }
        for (JsonNode item : Nodes.array(value, "statuses")) {
            try {
                status(item).ifPresent(statuses::add);
            } catch (RuntimeException e) {
                skipped++;
                LOG.warn("skipped a Meta status item: {}", e.getMessage());
            }
        }
        return skipped;
    }

    private static Destination destination(JsonNode metadata) {
        return new Destination(Nodes.text(metadata, "phone_number_id"),
                Nodes.text(metadata, "display_phone_number").orElse(""));
    }

    private InboundMessage message(JsonNode item, Destination destination, JsonNode contacts) {
        String id = Nodes.text(item, "id").orElseThrow(() -> new IllegalArgumentException("message without id"));
        String from = Nodes.text(item, "from").orElseThrow(
                () -> new IllegalArgumentException("message " + id + " without from"));
        return new InboundMessage(Provider.FACEBOOK, id, from, destination, timestamp(item),
                contents.map(item), profileName(contacts, from));
    }

    private Optional<StatusUpdate> status(JsonNode item) {
        String id = Nodes.text(item, "id").orElseThrow(() -> new IllegalArgumentException("status without id"));
        String wire = Nodes.text(item, "status").orElse("");
        Optional<DeliveryStatus> status = DeliveryStatus.fromWire(wire);
        if (status.isEmpty()) {
            LOG.debug("ignored Meta status '{}' of {}", wire, id);
            return Optional.empty();
        }
        JsonNode error = Nodes.array(item, "errors").stream().findFirst().orElse(null);
        return Optional.of(new StatusUpdate(Provider.FACEBOOK, id, status.get(), timestamp(item),
                Nodes.text(error, "code"), Nodes.text(error, "title"), Nodes.text(item, "biz_opaque_callback_data")));
    }

    private static Optional<String> profileName(JsonNode contacts, String from) {
        List<JsonNode> all = Nodes.elements(contacts);
        JsonNode match = all.stream()
                .filter(c -> Nodes.text(c, "wa_id").map(from::equals).orElse(false))
                .findFirst()
                .orElse(all.isEmpty() ? null : all.get(0));
        return match == null ? Optional.empty() : Nodes.text(match.path("profile"), "name");
    }

    private Instant timestamp(JsonNode item) {
        Optional<String> seconds = Nodes.text(item, "timestamp");
        try {
            return Instant.ofEpochSecond(Long.parseLong(seconds.orElseThrow()));
        } catch (RuntimeException e) {
            LOG.warn("Meta item without a readable timestamp; using the receive time");
            return clock.instant();
        }
    }
}
