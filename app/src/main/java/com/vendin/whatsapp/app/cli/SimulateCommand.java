package com.vendin.whatsapp.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.ports.identity.UserIds;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Sends one correctly signed Meta or Twilio webhook to a running gateway and, against the demo, prints the reply. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Send a signed Meta (or --provider twilio: Twilio) webhook carrying one text message to a "
                + "running gateway; against the demo, wait for the store's reply and print it.")
public final class SimulateCommand implements Callable<Integer> {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
    private static final String TWILIO_PATH = "/webhooks/whatsapp/twilio";
    private static final Duration POLL = Duration.ofMillis(200);
    /** A reply is complete when no further part has come for this long. */
    private static final Duration SETTLE = Duration.ofMillis(1500);

    @Option(
            names = "--gateway",
            defaultValue = "http://localhost:8080",
            description = "Base URL of the gateway (default: ${DEFAULT-VALUE}).")
    private String gateway;

    @Option(names = "--to", required = true, description = "The number written to (a store's, or the platform's).")
    private String to;

    @Option(
            names = "--from",
            defaultValue = "",
            description =
                    "The sender's number (leave it out, with --user-id, for a customer known only by a username).")
    private String from;

    @Option(
            names = "--user-id",
            defaultValue = "",
            description = "The sender's business-scoped user id (BSUID, e.g. BR.1234567890), with or without --from.")
    private String userId;

    @Option(names = "--username", defaultValue = "", description = "The sender's WhatsApp username (with --user-id).")
    private String username;

    @Option(
            names = "--phone-id",
            defaultValue = "",
            description = "Meta's phone_number_id of the number written to (default: none, routing uses --to).")
    private String phoneId;

    @Option(
            names = "--app-secret",
            defaultValue = "${env:FACEBOOK_APP_SECRET:-" + DemoCommand.APP_SECRET + "}",
            description =
                    "The Meta app secret the webhook is signed with (default: $FACEBOOK_APP_SECRET, else the demo's).")
    private String appSecret;

    @Option(
            names = "--provider",
            defaultValue = "facebook",
            description = "facebook (a Meta Cloud API webhook) or twilio (a Twilio form) (default: ${DEFAULT-VALUE}).")
    private String provider;

    @Option(
            names = "--auth-token",
            defaultValue = "${env:TWILIO_AUTH_TOKEN:-" + DemoCommand.TWILIO_AUTH_TOKEN + "}",
            description =
                    "With --provider twilio: the auth token the form is signed with (default: $TWILIO_AUTH_TOKEN, else the demo's).")
    private String authToken;

    @Option(
            names = "--public-url",
            defaultValue = "",
            description =
                    "With --provider twilio: the gateway's GATEWAY_PUBLIC_URL, which Twilio signs (default: --gateway).")
    private String publicUrl;

    @Option(names = "--name", defaultValue = "Ana", description = "The sender's profile name.")
    private String name;

    @Option(
            names = "--wait",
            defaultValue = "20",
            description = "Seconds to wait for the demo's reply (0: do not wait).")
    private int waitSeconds;

    @Parameters(index = "0", description = "The message text.")
    private String text;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        OkHttpClient client =
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
        String base = gateway.endsWith("/") ? gateway.substring(0, gateway.length() - 1) : gateway;
        String phone = digits(from);
        boolean twilio = provider.equalsIgnoreCase("twilio");
        if (!twilio && !provider.equalsIgnoreCase("facebook")) {
            spec.commandLine().getErr().println("--provider must be facebook or twilio");
            return 2;
        }
        if (phone.isEmpty() && userId.isBlank()) {
            spec.commandLine().getErr().println("give --from (the sender's number), --user-id (their BSUID), or both");
            return 2;
        }
        // the demo outbox names a phone-less customer by their BSUID, a customer with a phone by the phone
        String sender = phone.isEmpty() ? userId.trim() : phone;
        String id = twilio
                ? "SM" + UUID.randomUUID().toString().replace("-", "")
                : "wamid.SIM" + UUID.randomUUID().toString().replace("-", "");
        Set<String> seen = outbox(client, base, sender);
        Request request = twilio ? twilioRequest(base, phone, id) : metaRequest(base, phone, id);
        String wamid = id;
        try (Response response = client.newCall(request).execute()) {
            out.printf(
                    "sent %s from %s to +%s: HTTP %d %s%n",
                    wamid,
                    label(sender),
                    digits(to),
                    response.code(),
                    response.body().string());
            if (response.code() != 200) {
                out.flush();
                return 1;
            }
        }
        if (seen == null || waitSeconds <= 0) {
            out.println("(not a demo gateway: the reply, if any, goes out through the real provider)");
            out.flush();
            return 0;
        }
        return awaitReply(client, base, sender, seen, out);
    }

    private Request metaRequest(String base, String sender, String wamid) {
        byte[] body =
                SimulatedWebhook.metaText(phoneId, digits(to), sender, userId.trim(), username, name, wamid, text);
        return new Request.Builder()
                .url(base + "/webhooks/whatsapp/facebook")
                .header("X-Hub-Signature-256", SimulatedWebhook.sign(body, appSecret))
                .post(RequestBody.create(body, JSON))
                .build();
    }

    private Request twilioRequest(String base, String sender, String sid) {
        Map<String, String> form =
                SimulatedWebhook.twilioText(digits(to), sender, userId.trim(), username, name, sid, text);
        String signedBase = publicUrl.isBlank() ? base : publicUrl.replaceAll("/+$", "");
        String signature = SimulatedWebhook.signTwilio(signedBase + TWILIO_PATH, form, authToken);
        return new Request.Builder()
                .url(base + TWILIO_PATH)
                .header("X-Twilio-Signature", signature)
                .post(RequestBody.create(SimulatedWebhook.formBody(form), FORM))
                .build();
    }

    /**
     * Waits for the first new outbox message to {@code sender}, then until none has come for {@link #SETTLE} (a rich
     * reply's parts go one after another), and prints each, one line per part.
     */
    private int awaitReply(OkHttpClient client, String base, String sender, Set<String> seen, PrintWriter out)
            throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        List<JsonNode> replies = List.of();
        long lastChange = 0;
        while (System.nanoTime() < deadline) {
            List<JsonNode> now = fresh(outboxItems(client, base, sender), seen);
            if (now.size() != replies.size()) {
                lastChange = System.nanoTime();
            }
            replies = now;
            if (!replies.isEmpty() && System.nanoTime() - lastChange >= SETTLE.toNanos()) {
                break;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        if (replies.isEmpty()) {
            out.printf("no reply within %d s (see %s/console or the gateway's log)%n", waitSeconds, base);
            out.flush();
            return 1;
        }
        for (JsonNode reply : replies) {
            out.println(replyLine(sender, reply));
        }
        out.flush();
        return 0;
    }

    /**
     * {@code reply to +<sender>: <text>}; a reply the store's agent sent later through the send API says so and names
     * the message it answers.
     */
    static String replyLine(String sender, JsonNode item) {
        String line = "reply to " + label(sender) + ": " + item.path("text").asText();
        if (item.path("via").asText().equals("send-api")) {
            line += "   (sent later through the send API, replyTo "
                    + item.path("replyTo").asText() + ")";
        }
        return line;
    }

    private static List<JsonNode> fresh(List<JsonNode> items, Set<String> seen) {
        List<JsonNode> fresh = new ArrayList<>();
        if (items != null) {
            for (JsonNode item : items) {
                if (!seen.contains(item.path("id").asText())) {
                    fresh.add(item);
                }
            }
        }
        return fresh;
    }

    /** The ids of the demo outbox's messages to {@code sender}; null when the gateway has no demo outbox. */
    private Set<String> outbox(OkHttpClient client, String base, String sender) throws IOException {
        List<JsonNode> items = outboxItems(client, base, sender);
        if (items == null) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        items.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** The demo outbox's messages to {@code sender}, oldest first; null when the gateway has no demo outbox. */
    private static List<JsonNode> outboxItems(OkHttpClient client, String base, String sender) throws IOException {
        Request request = new Request.Builder().url(base + "/demo/outbox").get().build();
        try (Response response = client.newCall(request).execute()) {
            if (response.code() != 200) {
                return null;
            }
            List<JsonNode> items = new ArrayList<>();
            for (JsonNode item :
                    new ObjectMapper().readTree(response.body().string()).path("items")) {
                if (recipient(item.path("to").asText()).equals(sender)) {
                    items.add(item);
                }
            }
            return items;
        }
    }

    /** An outbox recipient as {@code sender} spells it: a BSUID as it is, a phone as its digits. */
    static String recipient(String to) {
        String bare = to.startsWith("whatsapp:") ? to.substring("whatsapp:".length()) : to;
        return UserIds.isUserId(bare) ? bare : digits(bare);
    }

    /** {@code +<digits>} for a phone, the BSUID itself for a customer without one. */
    private static String label(String sender) {
        return UserIds.isUserId(sender) ? sender : "+" + sender;
    }

    private static String digits(String number) {
        return number.replaceAll("[^0-9]", "");
    }
}
