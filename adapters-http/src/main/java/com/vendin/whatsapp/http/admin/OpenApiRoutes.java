package com.vendin.whatsapp.http.admin;

import com.vendin.whatsapp.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/v1/openapi.json}: the OpenAPI 3 description of the admin API, a resource of the jar. */
public final class OpenApiRoutes implements RouteGroup {
    public static final String PATH = AdminRoutes.BASE + "/openapi.json";
    private static final String RESOURCE = "openapi.json";

    private final byte[] document;

    public OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESOURCE + " is missing from the jar");
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.status(200).contentType("application/json").result(document));
    }
}
