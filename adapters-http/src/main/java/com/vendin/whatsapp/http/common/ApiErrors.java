package com.vendin.whatsapp.http.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: {@link GatewayRejection.Kind} to status, and every
 * error body as {@code {"error":{"code":"...","message":"..."}}}.
 */
public final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private final ObjectMapper mapper;

    public ApiErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The HTTP status of a rejection kind. */
    public static int statusOf(GatewayRejection.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHORIZED -> 401;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case TOO_MANY -> 429;
            case PROVIDER_ERROR -> 502;
            case UNAVAILABLE -> 503;
        };
    }

    /** Installs the exception handlers: rejections, Javalin's own 404/405/413..., and anything unexpected (500). */
    public void install(RoutesConfig routes) {
        routes.exception(GatewayRejection.class, (e, ctx) -> write(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> writeFramework(ctx, e));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal_error", "The gateway failed to handle the request.", Optional.empty());
        });
    }

    /** Answers with the status and error body of a rejection. */
    public void write(Context ctx, GatewayRejection rejection) {
        write(ctx, statusOf(rejection.kind()), rejection.code(), rejection.getMessage(), rejection.providerCode());
    }

    /** Answers {@code status} with an error body. */
    public void write(Context ctx, int status, String code, String message, Optional<String> providerCode) {
        ObjectNode error = mapper.createObjectNode();
        error.put("code", code);
        error.put("message", message == null ? code : message);
        providerCode.ifPresent(pc -> error.put("providerCode", pc));
        ObjectNode body = mapper.createObjectNode();
        body.set("error", error);
        try {
            ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write an error body", e);
        }
    }

    private void writeFramework(Context ctx, HttpResponseException e) {
        int status = e.getStatus();
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 400 -> "invalid_request";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
        String message = switch (status) {
            case 404 -> "No such endpoint: " + ctx.method() + " " + ctx.path() + ".";
            case 405 -> "Method " + ctx.method() + " is not allowed on " + ctx.path() + ".";
            default -> e.getMessage();
        };
        write(ctx, status, code, message, Optional.empty());
    }
}
