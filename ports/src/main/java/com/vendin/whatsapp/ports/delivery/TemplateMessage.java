package com.vendin.whatsapp.ports.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * A pre-approved template, the only kind of message that may go outside the 24-hour customer-service window:
 * on Meta a template name, its language and its components (the Graph API's JSON array, kept as text); on
 * Twilio a Content API template ({@code HX...}) and its variables (a JSON object, kept as text).
 */
public sealed interface TemplateMessage {

    /** A short, human-readable description for listings ({@code [template order_update pt_BR]}). */
    String summary();

    /** A Meta message template. */
    record Meta(String name, String languageCode, Optional<String> componentsJson) implements TemplateMessage {
        public Meta {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(languageCode, "languageCode");
            Objects.requireNonNull(componentsJson, "componentsJson");
        }

        @Override
        public String summary() {
            return "[template " + name + " " + languageCode + "]";
        }
    }

    /** A Twilio content template. */
    record Twilio(String contentSid, Optional<String> variablesJson) implements TemplateMessage {
        public Twilio {
            Objects.requireNonNull(contentSid, "contentSid");
            Objects.requireNonNull(variablesJson, "variablesJson");
        }

        @Override
        public String summary() {
            return "[template " + contentSid + "]";
        }
    }
}
