package com.vendin.whatsapp.persistence.db;

import java.sql.Types;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds every string with each NUL character ({@code U+0000}) replaced by {@code U+FFFD}. JSON allows
 * an escaped NUL in a string, so a provider payload (a username, a text, a profile name) can carry one, and
 * PostgreSQL's text columns refuse it: the insert fails and the webhook is answered 500, siblings included, for
 * the provider to redeliver for days. The same replacement on SQLite keeps both databases storing the same text.
 */
final class NulFreeStrings extends AbstractArgumentFactory<String> {
    private static final char NUL = (char) 0;
    private static final char REPLACEMENT = (char) 0xFFFD;

    NulFreeStrings() {
        super(Types.VARCHAR);
    }

    @Override
    protected Argument build(String value, ConfigRegistry config) {
        String clean = clean(value);
        return (position, statement, ctx) -> statement.setString(position, clean);
    }

    static String clean(String value) {
        return value.indexOf(NUL) < 0 ? value : value.replace(NUL, REPLACEMENT);
    }
}
