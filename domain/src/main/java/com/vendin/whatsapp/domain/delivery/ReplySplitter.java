package com.vendin.whatsapp.domain.delivery;

import com.vendin.whatsapp.ports.common.Provider;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a reply longer than the provider allows (CONTRACT §4) at the last paragraph break, else
 * sentence end, else whitespace that falls in the second half of the allowed length, else cuts hard
 * (never inside a surrogate pair). Separators stay at the end of the earlier part, so the parts
 * concatenated give back the text exactly.
 */
public final class ReplySplitter {
    public static final int META_LIMIT = 4096;
    public static final int TWILIO_LIMIT = 1600;
    private static final String SENTENCE_ENDS = ".!?…";

    private ReplySplitter() {}

    /** The longest text one message may carry on {@code provider}. */
    public static int limitFor(Provider provider) {
        return provider == Provider.TWILIO ? TWILIO_LIMIT : META_LIMIT;
    }

    /** The parts, in order; none empty, none longer than {@code limit}; no parts for an empty text. */
    public static List<String> split(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit must be at least 2: " + limit);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (text.length() - start > limit) {
            int cut = start + cutWithin(text.substring(start, start + limit + 1), limit);
            parts.add(text.substring(start, cut));
            start = cut;
        }
        if (start < text.length()) {
            parts.add(text.substring(start));
        }
        return parts;
    }

    /** Where to end the next part; {@code window} holds {@code limit} characters plus the one after. */
    private static int cutWithin(String window, int limit) {
        int floor = limit / 2;
        int cut = afterParagraph(window, limit, floor);
        if (cut < 0) {
            cut = afterSentence(window, limit, floor);
        }
        if (cut < 0) {
            cut = afterWhitespace(window, limit, floor);
        }
        if (cut < 0) {
            cut = Character.isHighSurrogate(window.charAt(limit - 1)) && Character.isLowSurrogate(window.charAt(limit))
                    ? limit - 1
                    : limit;
        }
        return cut;
    }

    /** After the last blank line (a line break, optional spaces or tabs, another line break). */
    private static int afterParagraph(String window, int limit, int floor) {
        for (int i = limit - 1; i >= floor; i--) {
            if (window.charAt(i) == '\n' && blankLineEndsAt(window, i)) {
                return extendOverWhitespace(window, i + 1, limit);
            }
        }
        return -1;
    }

    private static boolean blankLineEndsAt(String window, int newline) {
        for (int j = newline - 1; j >= 0; j--) {
            char c = window.charAt(j);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return false;
    }

    private static int afterSentence(String window, int limit, int floor) {
        for (int i = limit - 2; i + 2 > floor && i >= 0; i--) {
            if (SENTENCE_ENDS.indexOf(window.charAt(i)) >= 0 && Character.isWhitespace(window.charAt(i + 1))) {
                return extendOverWhitespace(window, i + 2, limit);
            }
        }
        return -1;
    }

    private static int afterWhitespace(String window, int limit, int floor) {
        for (int i = limit - 1; i + 1 > floor && i >= 0; i--) {
            if (Character.isWhitespace(window.charAt(i))) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int extendOverWhitespace(String window, int cut, int limit) {
        int end = cut;
        while (end < limit && Character.isWhitespace(window.charAt(end))) {
            end++;
        }
        return end;
    }
}
