package com.vendin.whatsapp.app.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Meta's status webhooks as Meta sends them: after a send is accepted, a signed {@code sent} status with the
 * wamid and the {@code biz_opaque_callback_data} of the send is posted to the gateway, again every
 * {@link #RETRY} while it does not answer 200 (Meta retries for days; this gives up after {@code giveUpAfter}).
 */
public final class MetaStatusEcho implements AutoCloseable {
    static final Duration RETRY = Duration.ofMillis(500);
    private static final MediaType JSON = MediaType.get("application/json");

    private final String webhookUrl;
    private final Duration giveUpAfter;
    private volatile Duration firstAfter = Duration.ZERO;
    private final OkHttpClient client =
            new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(4, r -> {
        Thread thread = new Thread(r, "meta-status-echo");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();

    /** @param webhookUrl the gateway's Meta webhook, e.g. {@code http://localhost:8080/webhooks/whatsapp/facebook} */
    public MetaStatusEcho(String webhookUrl, Duration giveUpAfter) {
        this.webhookUrl = webhookUrl;
        this.giveUpAfter = giveUpAfter;
    }

    /** Schedules the {@code sent} status of {@code wamid}, sent from {@code phoneId} to {@code recipient}. */
    void sent(String phoneId, String wamid, String recipient, String callbackData) {
        String body = MetaPayloads.webhook()
                .status(phoneId, "15550001111", wamid, "sent", recipient, callbackData)
                .json();
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        executor.schedule(
                () -> post(body.getBytes(StandardCharsets.UTF_8), deadline),
                firstAfter.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Each status is first posted {@code delay} after its send (as if Meta were slow to report). */
    public MetaStatusEcho firstAfter(Duration delay) {
        firstAfter = delay;
        return this;
    }

    /** How many statuses the gateway answered 200. */
    public int delivered() {
        return delivered.get();
    }

    /** How many statuses were given up on. */
    public int abandoned() {
        return abandoned.get();
    }

    private void post(byte[] body, long deadline) {
        Request request = new Request.Builder()
                .url(webhookUrl)
                .header("X-Hub-Signature-256", MetaPayloads.sign(body, TestGateway.APP_SECRET))
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response response = client.newCall(request).execute()) {
            if (response.code() == 200) {
                delivered.incrementAndGet();
                return;
            }
        } catch (IOException e) {
            // the gateway is down or restarting: try again, as Meta does
        }
        if (System.nanoTime() - deadline >= 0) {
            abandoned.incrementAndGet();
            return;
        }
        if (!executor.isShutdown()) {
            executor.schedule(() -> post(body, deadline), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
