package com.vendin.whatsapp.ports.delivery;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of a reply (CONTRACT §3.1), as the tenant asked for it: the domain checks it against the provider's
 * limits and the sender adapters render it to the provider's wire format.
 */
public sealed interface OutboundContent {

    /** The item's {@code type} as the tenant wrote it ({@code text}, {@code image}, ..., {@code reaction}). */
    String type();

    /** A readable line for message listings (the text, caption, body or template name). */
    String summary();

    /** Plain text. */
    record Text(String text) implements OutboundContent {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String type() {
            return "text";
        }

        @Override
        public String summary() {
            return text;
        }
    }

    /** An image, video, audio, document or sticker the gateway fetches from {@code url}. */
    record Media(MediaKind kind, URI url, Optional<String> caption, Optional<String> filename)
            implements OutboundContent {
        public Media {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(caption, "caption");
            Objects.requireNonNull(filename, "filename");
        }

        @Override
        public String type() {
            return kind.wireName();
        }

        @Override
        public String summary() {
            return caption.orElse("");
        }
    }

    /** A reply button: what comes back when tapped ({@code id}) and what it shows ({@code title}). */
    record Button(String id, String title) {
        public Button {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }
    }

    /** A text with reply buttons. */
    record Buttons(String text, List<Button> buttons) implements OutboundContent {
        public Buttons {
            Objects.requireNonNull(text, "text");
            buttons = List.copyOf(buttons);
        }

        @Override
        public String type() {
            return "buttons";
        }

        @Override
        public String summary() {
            return text;
        }
    }

    /** One row of a list message. */
    record Row(String id, String title, Optional<String> description) {
        public Row {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(description, "description");
        }
    }

    /** One section of a list message. */
    record Section(Optional<String> title, List<Row> rows) {
        public Section {
            Objects.requireNonNull(title, "title");
            rows = List.copyOf(rows);
        }
    }

    /** A text with a button that opens a list of choices. */
    record ListMessage(String text, String button, List<Section> sections) implements OutboundContent {
        public ListMessage {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(button, "button");
            sections = List.copyOf(sections);
        }

        @Override
        public String type() {
            return "list";
        }

        @Override
        public String summary() {
            return text;
        }
    }

    /** A Meta template; {@code componentsJson} is the JSON array of Graph template components, as given. */
    record MetaTemplate(String name, String language, Optional<String> componentsJson) implements OutboundContent {
        public MetaTemplate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(componentsJson, "componentsJson");
        }

        @Override
        public String type() {
            return "template";
        }

        @Override
        public String summary() {
            return "template " + name;
        }
    }

    /** A Twilio content template; {@code contentVariablesJson} is the JSON object of its variables, as given. */
    record TwilioTemplate(String contentSid, Optional<String> contentVariablesJson) implements OutboundContent {
        public TwilioTemplate {
            Objects.requireNonNull(contentSid, "contentSid");
            Objects.requireNonNull(contentVariablesJson, "contentVariablesJson");
        }

        @Override
        public String type() {
            return "template";
        }

        @Override
        public String summary() {
            return "template " + contentSid;
        }
    }

    /** A reaction to a message of the conversation ({@code messageId} as the provider named it). */
    record Reaction(String messageId, String emoji) implements OutboundContent {
        public Reaction {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(emoji, "emoji");
        }

        @Override
        public String type() {
            return "reaction";
        }

        @Override
        public String summary() {
            return emoji;
        }
    }
}
