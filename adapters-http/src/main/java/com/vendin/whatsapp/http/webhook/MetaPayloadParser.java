package com.vendin.whatsapp.http.webhook;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.identity.UserIds;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.Destination;
import com.vendin.whatsapp.ports.inbound.IdentityChange;
import com.vendin.whatsapp.ports.inbound.InboundBatch;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.inbound.StandbyItem;
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
 * {@code statuses[]} item of every change, each with its own change's metadata, identity changes from
 * {@code system} messages, and {@code standby} items. A malformed item (one without an id) is skipped and
 * counted; it never drops its siblings.
 */
final class MetaPayloadParser {
    private static final Logger LOG = LoggerFactory.getLogger(MetaPayloadParser.class);
    private static final String OBJECT = "whatsapp_business_account";
    private static final String MESSAGES_FIELD = "messages";
    private static final String STANDBY_FIELD = "standby";
    private static final String SYSTEM_TYPE = "system";

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
        Items items = new Items();
        for (JsonNode entry : Nodes.array(root, "entry")) {
            for (JsonNode change : Nodes.array(entry, "changes")) {
                readChange(change, items);
            }
        }
        return new ParsedPayload(
                new InboundBatch(items.messages, items.statuses, items.identityChanges, items.standby), items.skipped);
    }

    /** What the changes of one payload carried, in payload order. */
    private static final class Items {
        final List<InboundMessage> messages = new ArrayList<>();
        final List<StatusUpdate> statuses = new ArrayList<>();
        final List<IdentityChange> identityChanges = new ArrayList<>();
        final List<StandbyItem> standby = new ArrayList<>();
        int skipped;
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

    /**
     * A {@code messages} change (or one that names no field) carries messages, system messages and statuses; a
     * {@code standby} change (a conversation Meta Business Agent holds) is recorded and never forwarded; other
     * fields ({@code account_update}, {@code messaging_handovers}, ...) are acknowledged and ignored.
     */
    private void readChange(JsonNode change, Items items) {
        String field = Nodes.text(change, "field").orElse(MESSAGES_FIELD);
        JsonNode value = change.path("value");
        if (STANDBY_FIELD.equals(field)) {
            readStandby(value, items);
            return;
        }
        if (!MESSAGES_FIELD.equals(field)) {
            LOG.debug("ignored a Meta change of field '{}'", field);
            return;
        }
        Destination destination = destination(value.path("metadata"));
        JsonNode contacts = value.path("contacts");
        for (JsonNode item : Nodes.array(value, "messages")) {
            try {
                if (SYSTEM_TYPE.equals(Nodes.text(item, "type").orElse(""))) {
                    identityChange(item, destination).ifPresent(items.identityChanges::add);
                } else {
                    items.messages.add(message(item, destination, contacts));
                }
            } catch (RuntimeException e) {
                items.skipped++;
                LOG.warn("skipped a Meta message item: {}", e.getMessage());
            }
        }
        for (JsonNode item : Nodes.array(value, "statuses")) {
            try {
                status(item).ifPresent(items.statuses::add);
            } catch (RuntimeException e) {
                items.skipped++;
                LOG.warn("skipped a Meta status item: {}", e.getMessage());
            }
        }
    }

    private void readStandby(JsonNode value, Items items) {
        Destination destination = destination(value.path("metadata"));
        JsonNode contacts = value.path("contacts");
        for (JsonNode item : Nodes.array(value, "messages")) {
            standbyMessage(item, destination, contacts, StandbyItem.Kind.MESSAGE)
                    .ifPresent(items.standby::add);
        }
        for (JsonNode item : Nodes.array(value, "message_echoes")) {
            standbyMessage(item, destination, contacts, StandbyItem.Kind.ECHO).ifPresent(items.standby::add);
        }
        for (JsonNode item : Nodes.array(value, "statuses")) {
            Optional<String> id = Nodes.text(item, "id");
            Optional<String> status = Nodes.text(item, "status");
            if (id.isEmpty() || status.isEmpty()) {
                items.skipped++;
                continue;
            }
            Optional<String> recipient =
                    Nodes.text(item, "recipient_id").or(() -> Nodes.text(item, "recipient_user_id"));
            items.standby.add(new StandbyItem(
                    Provider.FACEBOOK,
                    id.get() + ":" + status.get(),
                    StandbyItem.Kind.STATUS,
                    destination,
                    recipient,
                    "status",
                    status.get(),
                    timestamp(item)));
        }
    }

    private Optional<StandbyItem> standbyMessage(
            JsonNode item, Destination destination, JsonNode contacts, StandbyItem.Kind kind) {
        Optional<String> id = Nodes.text(item, "id");
        if (id.isEmpty()) {
            LOG.warn("skipped a Meta standby item without id");
            return Optional.empty();
        }
        MessageContent content = contents.map(item);
        Optional<String> sender = Nodes.text(item, "from")
                .or(() -> Nodes.text(item, "from_user_id"))
                .or(() -> Nodes.elements(contacts).stream().findFirst().flatMap(c -> Nodes.text(c, "user_id")));
        return Optional.of(new StandbyItem(
                Provider.FACEBOOK,
                id.get(),
                kind,
                destination,
                sender,
                content.type(),
                content.text(),
                timestamp(item)));
    }

    private static Destination destination(JsonNode metadata) {
        return new Destination(
                Nodes.text(metadata, "phone_number_id"),
                Nodes.text(metadata, "display_phone_number").orElse(""));
    }

    /**
     * One message with every identity field optional (CONTRACT §2.4): {@code from} may be absent (a username
     * user) or carry a BSUID; {@code from_user_id} and {@code from_parent_user_id} name the BSUIDs, and the
     * matching {@code contacts[]} entry adds {@code user_id}, {@code wa_id} and {@code profile.username}. A
     * message with no identity at all is still returned: routing records it as {@code invalid_sender}.
     */
    private InboundMessage message(JsonNode item, Destination destination, JsonNode contacts) {
        String id = Nodes.text(item, "id").orElseThrow(() -> new IllegalArgumentException("message without id"));
        Optional<String> rawFrom = Nodes.text(item, "from").filter(f -> !f.isBlank());
        Optional<String> userIdInFrom = rawFrom.flatMap(UserIds::parse);
        Optional<String> userId =
                Nodes.text(item, "from_user_id").flatMap(UserIds::parse).or(() -> userIdInFrom);
        Optional<JsonNode> contact = contact(contacts, rawFrom, userId);
        if (userId.isEmpty()) {
            userId = contact.flatMap(c -> Nodes.text(c, "user_id")).flatMap(UserIds::parse);
        }
        String from = rawFrom.filter(f -> userIdInFrom.isEmpty())
                .or(() -> contact.flatMap(c -> Nodes.text(c, "wa_id"))
                        .filter(w -> UserIds.parse(w).isEmpty()))
                .orElse("");
        Optional<String> parentUserId = Nodes.text(item, "from_parent_user_id")
                .or(() -> contact.flatMap(c -> Nodes.text(c, "parent_user_id")))
                .flatMap(UserIds::parse);
        Optional<String> username =
                contact.flatMap(c -> Nodes.text(c.path("profile"), "username")).filter(u -> !u.isBlank());
        return new InboundMessage(
                Provider.FACEBOOK,
                id,
                from,
                destination,
                timestamp(item),
                contents.map(item),
                profileName(contacts, contact),
                userId,
                parentUserId,
                username);
    }

    /**
     * A {@code system} message that changes who a person is; other system types are logged and ignored. The old
     * identity is the message's sender ({@code from} / {@code from_user_id}) or {@code system.previous_user_id};
     * the new one {@code system.wa_id} (number changes) and {@code system.user_id}.
     */
    private Optional<IdentityChange> identityChange(JsonNode item, Destination destination) {
        String id = Nodes.text(item, "id").orElseThrow(() -> new IllegalArgumentException("system message without id"));
        JsonNode system = item.path("system");
        String type = Nodes.text(system, "type").orElse("");
        Optional<IdentityChange.Kind> kind = IdentityChange.Kind.fromWire(type);
        if (kind.isEmpty()) {
            LOG.info("ignored Meta system message {} of type '{}'", id, type);
            return Optional.empty();
        }
        Optional<String> rawFrom = Nodes.text(item, "from").filter(f -> !f.isBlank());
        Optional<String> previousUserId = Nodes.text(system, "previous_user_id")
                .or(() -> Nodes.text(item, "from_user_id"))
                .or(() -> rawFrom.flatMap(UserIds::parse))
                .flatMap(UserIds::parse);
        Optional<String> previousPhone = rawFrom.filter(f -> UserIds.parse(f).isEmpty());
        Optional<String> newPhone = Nodes.text(system, "wa_id")
                .or(() -> Nodes.text(system, "new_wa_id"))
                .filter(w -> UserIds.parse(w).isEmpty());
        Optional<String> newUserId = Nodes.text(system, "user_id").flatMap(UserIds::parse);
        return Optional.of(new IdentityChange(
                Provider.FACEBOOK,
                id,
                destination,
                kind.get(),
                previousPhone,
                previousUserId,
                newPhone,
                newUserId,
                timestamp(item)));
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
        return Optional.of(new StatusUpdate(
                Provider.FACEBOOK,
                id,
                status.get(),
                timestamp(item),
                Nodes.text(error, "code"),
                Nodes.text(error, "title"),
                Nodes.text(item, "biz_opaque_callback_data")));
    }

    /**
     * The {@code contacts[]} entry of the sender: the one whose {@code wa_id} is {@code from} or whose
     * {@code user_id} is the sender's BSUID, else the only one there is (it can only describe this sender);
     * among several that name someone else, none: a message is never given another person's identity.
     */
    private static Optional<JsonNode> contact(JsonNode contacts, Optional<String> from, Optional<String> userId) {
        List<JsonNode> all = Nodes.elements(contacts);
        return all.stream()
                .filter(c -> from.isPresent() && Nodes.text(c, "wa_id").equals(from)
                        || userId.isPresent() && Nodes.text(c, "user_id").equals(userId))
                .findFirst()
                .or(() -> all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty());
    }

    /** The profile name: the sender's contact's, else (as before usernames) the first contact's. */
    private static Optional<String> profileName(JsonNode contacts, Optional<JsonNode> contact) {
        return contact.or(() -> Nodes.elements(contacts).stream().findFirst())
                .flatMap(c -> Nodes.text(c.path("profile"), "name"));
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
