package com.vendin.whatsapp.app.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms up, on a second core while the main thread builds and migrates, what start-up would otherwise
 * load one after another on the main thread: the HTTP server's classes, the TLS trust store OkHttp reads,
 * Jackson, HMAC, the Prometheus registry. Nothing it creates is kept; it only loads and initializes
 * classes (as Spring Boot's {@code BackgroundPreinitializer} does), so a failure here changes nothing
 * but the time start-up takes.
 */
public final class BackgroundPreinitializer {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPreinitializer.class);

    private BackgroundPreinitializer() {}

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void start() {
        Thread thread = new Thread(BackgroundPreinitializer::run, "preinitializer");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    static void run() {
        step("http", () -> Javalin.create(config -> config.startup.showJavalinBanner = false));
        step("tls", () -> {
            SSLContext.getDefault();
            new OkHttpClient.Builder().build();
        });
        step("json", () -> {
            ObjectMapper mapper = new ObjectMapper();
            mapper.readTree(mapper.writeValueAsString(Map.of("warm", 1)));
        });
        step("hmac", () -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            mac.doFinal(new byte[1]);
        });
        step("metrics", () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT).close());
    }

    private static void step(String name, Step step) {
        try {
            step.run();
        } catch (Exception | LinkageError e) {
            LOG.debug("start-up warm-up step {} failed (only start-up time is affected)", name, e);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
