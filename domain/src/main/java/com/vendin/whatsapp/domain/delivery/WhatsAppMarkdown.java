package com.vendin.whatsapp.domain.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the Markdown a model writes and WhatsApp does not render (CONTRACT §3.1): {@code **bold**} becomes
 * {@code *bold*} ({@code __x__} is left alone: it is as often a name such as {@code __init__}), a {@code # heading} line becomes a plain line, {@code [text](url)}
 * becomes {@code text (url)}. Code (fenced blocks and {@code `inline`} spans) is left as written.
 */
public final class WhatsAppMarkdown {
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*");
    private static final Pattern LINK = Pattern.compile("(?<!!)\\[([^\\]\\n]+)]\\((https?://[^)\\s]+)\\)");

    private WhatsAppMarkdown() {}

    public static String convert(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inFence = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.stripLeading().startsWith("```")) {
                inFence = !inFence;
                out.append(line);
            } else {
                out.append(inFence ? line : convertLine(line));
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String convertLine(String line) {
        Matcher heading = HEADING.matcher(line);
        String body = heading.matches() ? heading.group(1) : line;
        StringBuilder out = new StringBuilder(body.length());
        String[] pieces = body.split("`", -1);
        for (int i = 0; i < pieces.length; i++) {
            boolean code = i % 2 == 1 && i < pieces.length - 1;
            out.append(code ? pieces[i] : inline(pieces[i]));
            if (i < pieces.length - 1) {
                out.append('`');
            }
        }
        return out.toString();
    }

    private static String inline(String text) {
        String links =
                LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " (" + m.group(2) + ")"));
        return BOLD.matcher(links).replaceAll(m -> Matcher.quoteReplacement("*" + m.group(1) + "*"));
    }
}
