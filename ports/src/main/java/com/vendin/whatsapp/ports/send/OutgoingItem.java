package com.vendin.whatsapp.ports.send;

import com.vendin.whatsapp.ports.delivery.TemplateMessage;
import java.util.Objects;

/**
 * One item of a tenant-initiated send. For now a text or a template; the rich items of CONTRACT §3.1 (media,
 * buttons, lists, reactions) are not accepted on this endpoint yet.
 */
public sealed interface OutgoingItem {

    /** A free-form text (only inside the 24-hour window). */
    record Text(String text) implements OutgoingItem {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A pre-approved template (also outside the window). */
    record Template(TemplateMessage template) implements OutgoingItem {
        public Template {
            Objects.requireNonNull(template, "template");
        }
    }
}
