package com.vendin.whatsapp.whatsapp.twilio;

import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Buttons;
import com.vendin.whatsapp.ports.delivery.OutboundContent.ListMessage;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Media;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Row;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Section;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Text;
import com.vendin.whatsapp.ports.delivery.OutboundContent.TwilioTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The form fields of a reply part on Twilio's Messages API (docs/PROVIDERS.md §2.4;
 * Twilio's "Messages resource" and "Content API" docs): media as {@code MediaUrl} (Twilio fetches it) with the caption as {@code Body}; a content template as
 * {@code ContentSid} and {@code ContentVariables}. Twilio sends interactive messages only from approved content
 * templates, so free-form buttons and lists go as their text with the choices numbered below it.
 */
final class TwilioContent {
    private TwilioContent() {}

    /** The fields besides {@code From}, {@code To} and {@code StatusCallback}; empty for what Twilio cannot carry. */
    static Optional<Map<String, String>> fields(OutboundContent content) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (content instanceof Text text) {
            fields.put("Body", text.text());
        } else if (content instanceof Media media) {
            media.caption().ifPresent(c -> fields.put("Body", c));
            fields.put("MediaUrl", media.url().toString());
        } else if (content instanceof Buttons buttons) {
            StringBuilder body = new StringBuilder(buttons.text()).append("\n");
            for (int i = 0; i < buttons.buttons().size(); i++) {
                body.append('\n')
                        .append(i + 1)
                        .append(". ")
                        .append(buttons.buttons().get(i).title());
            }
            fields.put("Body", body.toString());
        } else if (content instanceof ListMessage list) {
            fields.put("Body", listBody(list));
        } else if (content instanceof TwilioTemplate template) {
            fields.put("ContentSid", template.contentSid());
            template.contentVariablesJson().ifPresent(v -> fields.put("ContentVariables", v));
        } else {
            return Optional.empty();
        }
        return Optional.of(fields);
    }

    private static String listBody(ListMessage list) {
        StringBuilder body = new StringBuilder(list.text()).append("\n");
        int n = 0;
        for (Section section : list.sections()) {
            body.append('\n');
            if (section.title().isPresent()) {
                body.append('*').append(section.title().get()).append("*\n");
            }
            for (Row row : section.rows()) {
                body.append(++n).append(". ").append(row.title());
                row.description().ifPresent(d -> body.append(" - ").append(d));
                body.append('\n');
            }
        }
        return body.toString().stripTrailing();
    }
}
