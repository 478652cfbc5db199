package com.vendin.whatsapp.http.console;

import com.vendin.whatsapp.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The operators' web console at {@code /console}: static HTML, JS and CSS from the jar that talk to the
 * admin API with the token the operator signs in with (kept in the browser's sessionStorage).
 */
public final class ConsoleRoutes implements RouteGroup {
    public static final String PATH = "/console";

    private final Map<String, byte[]> files = Map.of(
            "index.html", read("index.html"), "console.js", read("console.js"), "console.css", read("console.css"));

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.contentType("text/html; charset=utf-8").result(files.get("index.html")));
        routes.get(
                PATH + "/console.js",
                ctx -> ctx.contentType("text/javascript; charset=utf-8").result(files.get("console.js")));
        routes.get(
                PATH + "/console.css",
                ctx -> ctx.contentType("text/css; charset=utf-8").result(files.get("console.css")));
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the console resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
