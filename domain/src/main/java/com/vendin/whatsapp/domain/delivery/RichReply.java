package com.vendin.whatsapp.domain.delivery;

import com.vendin.whatsapp.ports.common.Provider;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a rich reply (CONTRACT §3.1) with the limits of the provider it leaves through
 * (docs/PROVIDERS.md §1.4 and §2.4, and the providers' "Send messages" docs): checks every item, converts Markdown in texts and captions and
 * splits long texts; the first item that breaks a rule makes the whole reply invalid, with the reason.
 */
public final class RichReply {
    public static final int MAX_ITEMS = 10;
    static final int MAX_BUTTONS = 3;
    static final int BUTTON_TITLE = 20;
    static final int BUTTON_ID = 256;
    static final int INTERACTIVE_BODY = 1024;
    static final int LIST_BODY = 4096;
    static final int LIST_BUTTON = 20;
    static final int MAX_SECTIONS = 10;
    static final int MAX_ROWS = 10;
    static final int ROW_ID = 200;
    static final int ROW_TITLE = 24;
    static final int ROW_DESCRIPTION = 72;
    static final int SECTION_TITLE = 24;
    static final int CAPTION = 1024;
    static final int FILENAME = 240;
    static final int TEMPLATE_NAME = 512;
    private static final Pattern CONTENT_SID = Pattern.compile("HX[0-9a-fA-F]{32}");
    private static final Pattern TEMPLATE_NAME_CHARS = Pattern.compile("[a-z0-9_]+");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(_[A-Za-z0-9]{2,4})?");

    private RichReply() {}

    /** What a reply became: the parts to queue, in order, or why it cannot be sent. */
    public sealed interface Prepared {}

    public record Parts(List<OutboundContent> parts) implements Prepared {
        public Parts {
            parts = List.copyOf(parts);
        }
    }

    public record Invalid(String why) implements Prepared {}

    /** An item that breaks a rule. */
    private static final class Broken extends RuntimeException {
        Broken(String why) {
            super(why, null, false, false);
        }
    }

    public static Prepared prepare(List<OutboundContent> items, Provider provider) {
        if (items.size() > MAX_ITEMS) {
            return new Invalid("at most " + MAX_ITEMS + " messages in one reply, got " + items.size());
        }
        List<OutboundContent> parts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                parts.addAll(item(items.get(i), provider));
            } catch (Broken broken) {
                return new Invalid("message " + (i + 1) + " (" + items.get(i).type() + "): " + broken.getMessage());
            }
        }
        return new Parts(parts);
    }

    private static List<OutboundContent> item(OutboundContent item, Provider provider) {
        if (item instanceof Text text) {
            require(!text.text().isBlank(), "text is empty");
            return ReplySplitter.split(WhatsAppMarkdown.convert(text.text()), ReplySplitter.limitFor(provider)).stream()
                    .<OutboundContent>map(Text::new)
                    .toList();
        }
        if (item instanceof Media media) {
            return List.of(media(media, provider));
        }
        if (item instanceof Buttons buttons) {
            return List.of(buttons(buttons));
        }
        if (item instanceof ListMessage list) {
            return List.of(list(list));
        }
        if (item instanceof MetaTemplate template) {
            require(
                    provider == Provider.FACEBOOK,
                    "a Meta template (name, language) cannot go through Twilio; " + "use contentSid");
            require(
                    !template.name().isBlank() && template.name().length() <= TEMPLATE_NAME,
                    "name is empty or too long");
            require(
                    TEMPLATE_NAME_CHARS.matcher(template.name()).matches(),
                    "name must be a template name (lowercase letters, digits and _)");
            require(LANGUAGE.matcher(template.language()).matches(), "language must be a code such as pt_BR or en");
            return List.of(template);
        }
        if (item instanceof TwilioTemplate template) {
            require(
                    provider == Provider.TWILIO,
                    "a Twilio content template (contentSid) cannot go through Meta; " + "use name and language");
            require(CONTENT_SID.matcher(template.contentSid()).matches(), "contentSid must be HX and 32 hex digits");
            return List.of(template);
        }
        Reaction reaction = (Reaction) item;
        require(provider == Provider.FACEBOOK, "Twilio cannot send reactions");
        require(!reaction.messageId().isBlank(), "messageId is empty");
        require(
                !reaction.emoji().isBlank()
                        && reaction.emoji().codePointCount(0, reaction.emoji().length()) <= 8,
                "emoji must be one emoji");
        return List.of(reaction);
    }

    private static Media media(Media media, Provider provider) {
        String scheme = String.valueOf(media.url().getScheme());
        require(
                (scheme.equals("http") || scheme.equals("https")) && media.url().getHost() != null,
                "url must be an absolute http(s) URL");
        boolean captioned = media.kind() == MediaKind.IMAGE
                || media.kind() == MediaKind.VIDEO
                || (media.kind() == MediaKind.DOCUMENT && provider == Provider.FACEBOOK);
        require(
                media.caption().isEmpty() || captioned,
                provider == Provider.TWILIO && media.kind() == MediaKind.DOCUMENT
                        ? "Twilio cannot carry a caption on a document"
                        : "only images, videos" + (provider == Provider.FACEBOOK ? " and documents" : "")
                                + " have captions");
        media.caption()
                .ifPresent(c -> require(c.length() <= CAPTION, "caption is longer than " + CAPTION + " characters"));
        require(media.filename().isEmpty() || media.kind() == MediaKind.DOCUMENT, "only a document has a filename");
        media.filename()
                .ifPresent(f -> require(!f.isBlank() && f.length() <= FILENAME, "filename is empty or too long"));
        return new Media(media.kind(), media.url(), media.caption().map(WhatsAppMarkdown::convert), media.filename());
    }

    private static Buttons buttons(Buttons buttons) {
        body(buttons.text(), INTERACTIVE_BODY);
        require(
                !buttons.buttons().isEmpty() && buttons.buttons().size() <= MAX_BUTTONS,
                "1 to " + MAX_BUTTONS + " buttons, got " + buttons.buttons().size());
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < buttons.buttons().size(); i++) {
            Button button = buttons.buttons().get(i);
            String which = "button " + (i + 1);
            bounded(button.id(), BUTTON_ID, which + " id");
            bounded(button.title(), BUTTON_TITLE, which + " title");
            require(ids.add(button.id()), which + " repeats id " + button.id());
            require(titles.add(button.title()), which + " repeats title " + button.title());
        }
        return new Buttons(WhatsAppMarkdown.convert(buttons.text()), buttons.buttons());
    }

    private static ListMessage list(ListMessage list) {
        body(list.text(), LIST_BODY);
        bounded(list.button(), LIST_BUTTON, "button");
        require(
                !list.sections().isEmpty() && list.sections().size() <= MAX_SECTIONS,
                "1 to " + MAX_SECTIONS + " sections, got " + list.sections().size());
        int rows = list.sections().stream().mapToInt(s -> s.rows().size()).sum();
        require(rows >= 1 && rows <= MAX_ROWS, "1 to " + MAX_ROWS + " rows in all sections together, got " + rows);
        Set<String> ids = new HashSet<>();
        for (int s = 0; s < list.sections().size(); s++) {
            Section section = list.sections().get(s);
            String which = "section " + (s + 1);
            require(
                    section.title().isPresent() || list.sections().size() == 1,
                    which + " needs a title when there are several sections");
            section.title().ifPresent(t -> bounded(t, SECTION_TITLE, which + " title"));
            require(!section.rows().isEmpty(), which + " has no rows");
            for (int r = 0; r < section.rows().size(); r++) {
                Row row = section.rows().get(r);
                String rowName = which + " row " + (r + 1);
                bounded(row.id(), ROW_ID, rowName + " id");
                bounded(row.title(), ROW_TITLE, rowName + " title");
                row.description()
                        .ifPresent(d -> require(
                                d.length() <= ROW_DESCRIPTION,
                                rowName + " description is longer than " + ROW_DESCRIPTION + " characters"));
                require(ids.add(row.id()), rowName + " repeats id " + row.id());
            }
        }
        return new ListMessage(WhatsAppMarkdown.convert(list.text()), list.button(), list.sections());
    }

    private static void body(String text, int limit) {
        require(!text.isBlank(), "text is empty");
        require(text.length() <= limit, "text is longer than " + limit + " characters");
    }

    private static void bounded(String value, int limit, String what) {
        require(!value.isBlank(), what + " is empty");
        require(value.length() <= limit, what + " is longer than " + limit + " characters: " + shorten(value));
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    private static void require(boolean rule, String why) {
        if (!rule) {
            throw new Broken(why);
        }
    }
}
