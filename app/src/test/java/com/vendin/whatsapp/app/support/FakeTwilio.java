package com.vendin.whatsapp.app.support;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;

/**
 * Twilio's v2010 REST API played by MockWebServer: accepts every message create (201) and records its
 * form; and, for subaccounts and numbers (docs/PROVIDERS.md §2.5), keeps what it "created", checks the main
 * account's basic auth, and can refuse a purchase or lose the answer of one that went through.
 */
public final class FakeTwilio implements AutoCloseable {
    private static final String TYPING_PATH = "/v2/Indicators/Typing.json";
    private static final Pattern SUB = Pattern.compile("/2010-04-01/Accounts/(AC[0-9a-f]+)/(.+)");
    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final Pattern LOCAL = Pattern.compile("AvailablePhoneNumbers/([A-Z]{2})/Local\\.json");

    private final MockWebServer server = new MockWebServer();
    private final String authorization;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Send> sends = new CopyOnWriteArrayList<>();
    private final Map<String, Subaccount> subaccounts = new LinkedHashMap<>();
    private final List<String> forSale = new CopyOnWriteArrayList<>(List.of("+14155550101", "+14155550102"));
    private final AtomicInteger ids = new AtomicInteger();
    private volatile String refusePurchaseWith;
    private volatile boolean losePurchaseAnswer;
    private volatile boolean loseSubaccountAnswer;

    /** A subaccount and the numbers bought into it (number to SmsUrl). */
    public record Subaccount(String sid, String friendlyName, String authToken, Map<String, String> numbers) {}

    /** One message create the gateway made, with its decoded form fields. */
    public record Send(String path, String authorization, Map<String, String> form, String sid) {
        public String from() {
            return form.get("From");
        }

        public String to() {
            return form.get("To");
        }

        public String body() {
            return form.get("Body");
        }
    }

    /** One request the gateway made, with its form or query parameters. */
    public record Call(String method, String path, Map<String, String> params, String authorization) {}

    /** A fake that accepts message creates from any account (and subaccount calls with any credentials). */
    public FakeTwilio() {
        this.authorization = null;
    }

    /** A fake whose subaccount and number calls need the main account's basic auth. */
    public FakeTwilio(String mainSid, String mainToken) {
        this.authorization = Credentials.basic(mainSid, mainToken, StandardCharsets.UTF_8);
    }

    public FakeTwilio start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
        server.start();
        return this;
    }

    public String baseUrl() {
        return server.url("/").toString();
    }

    /** The next purchase answers 400 with this Twilio code and buys nothing. */
    public void refuseNextPurchase(String code) {
        refusePurchaseWith = code;
    }

    /** The next purchase goes through but its answer is a 500. */
    public void loseNextPurchaseAnswer() {
        losePurchaseAnswer = true;
    }

    /** The next subaccount creation goes through but its answer is a 500. */
    public void loseNextSubaccountAnswer() {
        loseSubaccountAnswer = true;
    }

    public List<Send> sends() {
        return List.copyOf(sends);
    }

    public synchronized List<Subaccount> subaccounts() {
        return List.copyOf(subaccounts.values());
    }

    /** The typing-indicator calls ({@code POST /v2/Indicators/Typing.json}, Public Beta), in order. */
    public List<Call> typings() {
        return calls("POST", TYPING_PATH);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method, String pathEnd) {
        return calls.stream()
                .filter(c -> c.method().equals(method) && c.path().endsWith(pathEnd))
                .toList();
    }

    private synchronized MockResponse handle(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        Map<String, String> params = params(request);
        calls.add(new Call(method, path, params, request.getHeaders().get("Authorization")));
        if (method.equals("POST") && MESSAGES.matcher(path).matches()) {
            String sid = String.format("SM%032x", ids.incrementAndGet());
            sends.add(new Send(path, request.getHeaders().get("Authorization"), params, sid));
            return json(201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"num_segments\":\"1\"}");
        }
        if (method.equals("POST") && path.equals(TYPING_PATH)) {
            return json(200, "{\"success\":true}");
        }
        if (authorization != null && !authorization.equals(request.getHeaders().get("Authorization"))) {
            return error(401, "20003", "Authenticate");
        }
        if (path.equals("/2010-04-01/Accounts.json")) {
            return method.equals("POST") ? createSubaccount(params) : listSubaccounts(params);
        }
        Matcher sub = SUB.matcher(path);
        if (!sub.matches() || !subaccounts.containsKey(sub.group(1))) {
            return error(404, "20404", "The requested resource was not found");
        }
        Subaccount account = subaccounts.get(sub.group(1));
        String rest = sub.group(2);
        if (rest.equals("IncomingPhoneNumbers.json")) {
            return method.equals("POST") ? buy(account, params) : incoming(account);
        }
        Matcher local = LOCAL.matcher(rest);
        if (local.matches() && method.equals("GET")) {
            return available(params);
        }
        return error(404, "20404", "The requested resource was not found");
    }

    private MockResponse createSubaccount(Map<String, String> params) {
        String sid = String.format("AC%032x", 0xabc000 + ids.incrementAndGet());
        Subaccount account = new Subaccount(
                sid,
                params.getOrDefault("FriendlyName", sid),
                "subtoken" + sid.substring(24) + "ZqW81mKd",
                new LinkedHashMap<>());
        subaccounts.put(sid, account);
        if (loseSubaccountAnswer) {
            loseSubaccountAnswer = false;
            return error(500, "20500", "Internal Server Error");
        }
        return json(201, accountJson(account));
    }

    private MockResponse listSubaccounts(Map<String, String> params) {
        List<String> items = new ArrayList<>();
        for (Subaccount account : subaccounts.values()) {
            if (!params.containsKey("FriendlyName") || account.friendlyName().equals(params.get("FriendlyName"))) {
                items.add(accountJson(account));
            }
        }
        return json(200, "{\"accounts\":[" + String.join(",", items) + "],\"page\":0,\"page_size\":50}");
    }

    private MockResponse incoming(Subaccount account) {
        List<String> items = new ArrayList<>();
        account.numbers().forEach((number, smsUrl) -> items.add(numberJson(account, number, smsUrl)));
        return json(200, "{\"incoming_phone_numbers\":[" + String.join(",", items) + "],\"page\":0}");
    }

    private MockResponse available(Map<String, String> params) {
        List<String> items = new ArrayList<>();
        for (String number : forSale) {
            if (!params.containsKey("AreaCode") || number.startsWith("+1" + params.get("AreaCode"))) {
                items.add("{\"phone_number\":\"" + number + "\",\"friendly_name\":\"" + number
                        + "\",\"iso_country\":\"US\","
                        + "\"capabilities\":{\"voice\":true,\"SMS\":true,\"MMS\":true}}");
            }
        }
        return json(200, "{\"available_phone_numbers\":[" + String.join(",", items) + "]}");
    }

    private MockResponse buy(Subaccount account, Map<String, String> params) {
        String number = params.get("PhoneNumber");
        if (refusePurchaseWith != null) {
            String code = refusePurchaseWith;
            refusePurchaseWith = null;
            return error(400, code, "PhoneNumber requested is not available");
        }
        if (number == null || !forSale.remove(number)) {
            return error(400, "21422", "PhoneNumber requested is not available");
        }
        account.numbers().put(number, params.getOrDefault("SmsUrl", ""));
        if (losePurchaseAnswer) {
            losePurchaseAnswer = false;
            return error(500, "20500", "Internal Server Error");
        }
        return json(201, numberJson(account, number, params.getOrDefault("SmsUrl", "")));
    }

    private static String accountJson(Subaccount account) {
        return "{\"sid\":\"" + account.sid() + "\",\"friendly_name\":\"" + account.friendlyName()
                + "\",\"auth_token\":\"" + account.authToken()
                + "\",\"status\":\"active\",\"type\":\"Full\",\"owner_account_sid\":\"ACmain\"}";
    }

    private static String numberJson(Subaccount account, String number, String smsUrl) {
        return "{\"sid\":\"PN" + Integer.toHexString(number.hashCode()) + "\",\"account_sid\":\"" + account.sid()
                + "\",\"phone_number\":\"" + number + "\",\"sms_url\":\"" + smsUrl + "\",\"status\":\"in-use\"}";
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private static MockResponse error(int status, String code, String message) {
        return json(
                status,
                "{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":"
                        + "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    private static Map<String, String> params(RecordedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : request.getUrl().queryParameterNames()) {
            params.put(name, request.getUrl().queryParameter(name));
        }
        String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
        if (!body.isEmpty()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }
}
