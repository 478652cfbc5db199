package com.vendin.whatsapp.http.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.ports.delivery.MediaKind;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Button;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Buttons;
import com.vendin.whatsapp.ports.delivery.OutboundContent.ListMessage;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Media;
import com.vendin.whatsapp.ports.delivery.OutboundContent.MetaTemplate;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Reaction;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Row;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Section;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Text;
import com.vendin.whatsapp.ports.delivery.OutboundContent.TwilioTemplate;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code messages} array of a rich reply (CONTRACT §3.1) into {@link OutboundContent} items: the shape
 * of each item (its type, required fields, field types, no unknown fields); the limits are the domain's to check.
 */
public final class RichReplyParser {
    private static final Set<String> TEXT = Set.of("type", "text");
    private static final Set<String> MEDIA = Set.of("type", "url", "caption", "filename");
    private static final Set<String> BUTTONS = Set.of("type", "text", "buttons");
    private static final Set<String> BUTTON = Set.of("id", "title");
    private static final Set<String> LIST = Set.of("type", "text", "button", "sections");
    private static final Set<String> SECTION = Set.of("title", "rows");
    private static final Set<String> ROW = Set.of("id", "title", "description");
    private static final Set<String> META_TEMPLATE = Set.of("type", "name", "language", "components");
    private static final Set<String> TWILIO_TEMPLATE = Set.of("type", "contentSid", "contentVariables");
    private static final Set<String> REACTION = Set.of("type", "messageId", "emoji");

    private RichReplyParser() {}

    /** An item whose shape is wrong. */
    public static final class Malformed extends Exception {
        public Malformed(String why) {
            super(why, null, false, false);
        }
    }

    /** The items of {@code messages}, in order; {@link Malformed} names the first item that is not one. */
    public static List<OutboundContent> parse(JsonNode messages) throws Malformed {
        if (!messages.isArray()) {
            throw new Malformed("messages must be an array");
        }
        List<OutboundContent> items = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            JsonNode item = messages.get(i);
            try {
                items.add(item(item));
            } catch (Malformed e) {
                String type =
                        item.path("type").isTextual() ? " (" + item.path("type").asText() + ")" : "";
                throw new Malformed("message " + (i + 1) + type + ": " + e.getMessage());
            }
        }
        return items;
    }

    private static OutboundContent item(JsonNode item) throws Malformed {
        if (!item.isObject()) {
            throw new Malformed("not a JSON object");
        }
        String type = string(item, "type");
        Optional<MediaKind> kind = MediaKind.fromWire(type);
        if (kind.isPresent()) {
            only(item, MEDIA);
            return new Media(
                    kind.get(),
                    url(string(item, "url")),
                    optionalString(item, "caption"),
                    optionalString(item, "filename"));
        }
        switch (type) {
            case "text" -> {
                only(item, TEXT);
                return new Text(string(item, "text"));
            }
            case "buttons" -> {
                only(item, BUTTONS);
                List<Button> buttons = new ArrayList<>();
                for (JsonNode button : array(item, "buttons")) {
                    only(button, BUTTON);
                    buttons.add(new Button(string(button, "id"), string(button, "title")));
                }
                return new Buttons(string(item, "text"), buttons);
            }
            case "list" -> {
                only(item, LIST);
                return new ListMessage(string(item, "text"), string(item, "button"), sections(array(item, "sections")));
            }
            case "template" -> {
                return template(item);
            }
            case "reaction" -> {
                only(item, REACTION);
                return new Reaction(string(item, "messageId"), string(item, "emoji"));
            }
            default ->
                throw new Malformed("unknown type " + type + " (text, image, video, audio, document, sticker, "
                        + "buttons, list, template or reaction)");
        }
    }

    private static List<Section> sections(JsonNode array) throws Malformed {
        List<Section> sections = new ArrayList<>();
        for (JsonNode section : array) {
            only(section, SECTION);
            List<Row> rows = new ArrayList<>();
            for (JsonNode row : array(section, "rows")) {
                only(row, ROW);
                rows.add(new Row(string(row, "id"), string(row, "title"), optionalString(row, "description")));
            }
            sections.add(new Section(optionalString(section, "title"), rows));
        }
        return sections;
    }

    /** {@code contentSid} makes it a Twilio content template, else it is a Meta template. */
    private static OutboundContent template(JsonNode item) throws Malformed {
        if (item.has("contentSid")) {
            only(item, TWILIO_TEMPLATE);
            JsonNode variables = item.get("contentVariables");
            Optional<String> json;
            if (variables == null || variables.isNull()) {
                json = Optional.empty();
            } else if (variables.isObject()) {
                json = Optional.of(variables.toString());
            } else {
                throw new Malformed("contentVariables must be a JSON object");
            }
            return new TwilioTemplate(string(item, "contentSid"), json);
        }
        only(item, META_TEMPLATE);
        JsonNode language = item.get("language");
        String code = language != null && language.isObject() ? string(language, "code") : string(item, "language");
        JsonNode components = item.get("components");
        if (components != null && !components.isNull() && !components.isArray()) {
            throw new Malformed("components must be an array");
        }
        return new MetaTemplate(
                string(item, "name"),
                code,
                components == null || components.isNull() ? Optional.empty() : Optional.of(components.toString()));
    }

    /**
     * An absolute {@code http} or {@code https} URL with a host. The URL itself is never echoed in the reason: it
     * ends up in {@code lastError} and logs, and may carry a tenant's credentials ({@code user:password@}, a signed
     * query).
     */
    private static URI url(String raw) throws Malformed {
        URI url;
        try {
            url = new URI(raw);
        } catch (URISyntaxException e) {
            throw new Malformed("url is not a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute()
                || !(scheme.equals("http") || scheme.equals("https"))
                || url.getHost() == null
                || url.getHost().isEmpty()) {
            throw new Malformed("url must be an absolute http(s) URL");
        }
        return url;
    }

    private static void only(JsonNode node, Set<String> allowed) throws Malformed {
        if (!node.isObject()) {
            throw new Malformed("not a JSON object: " + node);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new Malformed("unknown field " + name);
            }
        }
    }

    private static String string(JsonNode node, String field) throws Malformed {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Malformed(field + " is missing");
        }
        if (!value.isTextual()) {
            throw new Malformed(field + " must be a string");
        }
        return value.asText();
    }

    private static Optional<String> optionalString(JsonNode node, String field) throws Malformed {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(string(node, field));
    }

    private static JsonNode array(JsonNode node, String field) throws Malformed {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new Malformed(field + " must be an array");
        }
        return value;
    }
}
