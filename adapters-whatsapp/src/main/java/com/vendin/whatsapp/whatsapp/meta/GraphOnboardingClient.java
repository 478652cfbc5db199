package com.vendin.whatsapp.whatsapp.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.numbers.MetaOnboarding;
import com.vendin.whatsapp.whatsapp.http.BaseUrls;
import com.vendin.whatsapp.whatsapp.http.ProviderCall;
import com.vendin.whatsapp.whatsapp.http.ProviderExchange;
import com.vendin.whatsapp.whatsapp.http.ProviderJson;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Graph API calls of Meta's Embedded Signup (docs/PROVIDERS.md §1.6), with the platform app's id and secret. */
public final class GraphOnboardingClient implements MetaOnboarding {
    private static final Logger LOG = LoggerFactory.getLogger(GraphOnboardingClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String META = "Meta";

    private final OkHttpClient client;
    private final HttpUrl baseUrl;
    private final Optional<String> appId;
    private final Optional<Secret> appSecret;

    /** @param graphBaseUrl {@code FACEBOOK_GRAPH_URL}; {@code appId}/{@code appSecret}: {@code FACEBOOK_APP_ID/SECRET} */
    public GraphOnboardingClient(
            OkHttpClient client, String graphBaseUrl, Optional<String> appId, Optional<Secret> appSecret) {
        this.client = Objects.requireNonNull(client, "client");
        this.baseUrl = BaseUrls.parse(graphBaseUrl, "FACEBOOK_GRAPH_URL");
        this.appId = Objects.requireNonNull(appId, "appId");
        this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
    }

    @Override
    public Secret exchangeCode(String code) {
        if (appId.isEmpty() || appSecret.isEmpty()) {
            throw new GatewayRejection(
                    GatewayRejection.Kind.UNAVAILABLE,
                    "embedded_signup_not_configured",
                    "Embedded Signup needs FACEBOOK_APP_ID and FACEBOOK_APP_SECRET.");
        }
        HttpUrl url = BaseUrls.join(baseUrl, "oauth", "access_token")
                .newBuilder()
                .addQueryParameter("client_id", appId.get())
                .addQueryParameter("client_secret", appSecret.get().reveal())
                .addQueryParameter("code", code)
                .build();
        JsonNode json = call("code exchange", new Request.Builder().url(url).get());
        return ProviderJson.text(json.path("access_token"))
                .map(Secret::new)
                .orElseThrow(() -> invalid("code exchange", "no access_token"));
    }

    @Override
    public PhoneDetails phoneDetails(String phoneNumberId, Secret token) {
        HttpUrl url = BaseUrls.join(baseUrl, phoneNumberId)
                .newBuilder()
                .addQueryParameter("fields", "display_phone_number,verified_name")
                .build();
        JsonNode json =
                call("number details", authorised(new Request.Builder().url(url).get(), token));
        String display = ProviderJson.text(json.path("display_phone_number"))
                .orElseThrow(() -> invalid("number details", "no display_phone_number"));
        return new PhoneDetails(
                display, ProviderJson.text(json.path("verified_name")).orElse(""));
    }

    @Override
    public void subscribeApp(String wabaId, Secret token) {
        Request.Builder request = new Request.Builder()
                .url(BaseUrls.join(baseUrl, wabaId, "subscribed_apps"))
                .post(RequestBody.create(new byte[0], null));
        requireSuccess("app subscription", call("app subscription", authorised(request, token)));
    }

    @Override
    public void register(String phoneNumberId, Secret pin, Secret token) {
        String body = ProviderJson.mapper()
                .createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("pin", pin.reveal())
                .toString();
        Request.Builder request = new Request.Builder()
                .url(BaseUrls.join(baseUrl, phoneNumberId, "register"))
                .post(RequestBody.create(body, JSON));
        requireSuccess("number registration", call("number registration", authorised(request, token)));
    }

    private Request.Builder authorised(Request.Builder request, Secret token) {
        try {
            return request.header("Authorization", "Bearer " + token.reveal());
        } catch (IllegalArgumentException e) {
            throw invalid("token", "the business token is not a valid header value");
        }
    }

    private JsonNode call(String step, Request.Builder request) {
        ProviderCall.Reply reply = ProviderExchange.execute(
                client, request.header("Accept", "application/json").build(), META);
        if (!reply.successful()) {
            SendOutcome.Failed failed = GraphErrors.classify(reply);
            LOG.warn("embedded signup step failed: step={} status={} code={}", step, reply.status(), failed.code());
            throw ProviderExchange.failure("Meta refused the " + step + ": " + failed.detail(), failed.code());
        }
        return ProviderJson.object(reply).orElseThrow(() -> invalid(step, "the answer is not a JSON object"));
    }

    private static void requireSuccess(String step, JsonNode json) {
        if (!json.path("success").asBoolean(false)) {
            throw invalid(step, "no \"success\":true");
        }
    }

    private static GatewayRejection invalid(String step, String what) {
        LOG.warn("embedded signup step failed: step={} invalid answer ({})", step, what);
        return ProviderExchange.failure(
                "Meta's answer to the " + step + " could not be used: " + what + ".", "invalid_response");
    }
}
