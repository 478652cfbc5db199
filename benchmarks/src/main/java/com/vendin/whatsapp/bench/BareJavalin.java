package com.vendin.whatsapp.bench;

import io.javalin.Javalin;

/**
 * The ceiling: a Javalin app on its defaults whose webhook route only reads the body and answers 200
 * with the gateway's {@code {"success":true}}. Run as its own JVM: {@code BareJavalin <port>}.
 */
public final class BareJavalin {
    private BareJavalin() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Javalin.create(cfg -> {
                    cfg.jetty.port = port;
                    cfg.startup.showJavalinBanner = false;
                    cfg.startup.showOldJavalinVersionWarning = false;
                    cfg.routes.post(Webhooks.PATH, ctx -> {
                        byte[] body = ctx.bodyAsBytes();
                        ctx.status(body.length > 0 ? 200 : 400)
                                .contentType("application/json")
                                .result("{\"success\":true}");
                    });
                    cfg.routes.get(
                            "/health",
                            ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
                })
                .start();
    }
}
