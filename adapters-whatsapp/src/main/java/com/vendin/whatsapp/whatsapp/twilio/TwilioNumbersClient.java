package com.vendin.whatsapp.whatsapp.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.numbers.TwilioNumbers;
import com.vendin.whatsapp.ports.numbers.TwilioSubaccount;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.whatsapp.http.BaseUrls;
import com.vendin.whatsapp.whatsapp.http.ProviderCall;
import com.vendin.whatsapp.whatsapp.http.ProviderExchange;
import com.vendin.whatsapp.whatsapp.http.ProviderJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Twilio's v2010 Accounts, AvailablePhoneNumbers and IncomingPhoneNumbers calls, with the main account's basic auth. */
public final class TwilioNumbersClient implements TwilioNumbers {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioNumbersClient.class);
    private static final String API = "2010-04-01";

    private final OkHttpClient client;
    private final HttpUrl baseUrl;
    private final Optional<String> accountSid;
    private final Optional<Secret> authToken;

    /** @param twilioApiUrl {@code TWILIO_API_URL}; {@code accountSid}/{@code authToken}: the main account */
    public TwilioNumbersClient(
            OkHttpClient client, String twilioApiUrl, Optional<String> accountSid, Optional<Secret> authToken) {
        this.client = Objects.requireNonNull(client, "client");
        this.baseUrl = BaseUrls.parse(twilioApiUrl, "TWILIO_API_URL");
        this.accountSid = Objects.requireNonNull(accountSid, "accountSid");
        this.authToken = Objects.requireNonNull(authToken, "authToken");
    }

    @Override
    public Optional<TwilioSubaccount> findSubaccount(String friendlyName) {
        HttpUrl url = BaseUrls.join(baseUrl, API, "Accounts.json")
                .newBuilder()
                .addQueryParameter("FriendlyName", friendlyName)
                .addQueryParameter("Status", "active")
                .build();
        JsonNode json = call("subaccount lookup", new Request.Builder().url(url).get());
        for (JsonNode account : json.path("accounts")) {
            if (friendlyName.equals(account.path("friendly_name").asText())
                    && "active".equals(account.path("status").asText())) {
                return Optional.of(subaccount("subaccount lookup", account));
            }
        }
        return Optional.empty();
    }

    @Override
    public TwilioSubaccount createSubaccount(String friendlyName) {
        FormBody form = new FormBody.Builder(StandardCharsets.UTF_8)
                .add("FriendlyName", friendlyName)
                .build();
        JsonNode json = call(
                "subaccount creation",
                new Request.Builder()
                        .url(BaseUrls.join(baseUrl, API, "Accounts.json"))
                        .post(form));
        TwilioSubaccount created = subaccount("subaccount creation", json);
        LOG.info("twilio subaccount created: sid={} friendlyName={}", created.sid(), friendlyName);
        return created;
    }

    @Override
    public List<PhoneNumber> incomingNumbers(String subaccountSid) {
        HttpUrl url = BaseUrls.join(baseUrl, API, "Accounts", subaccountSid, "IncomingPhoneNumbers.json");
        return numbers(
                "number lookup",
                call("number lookup", new Request.Builder().url(url).get()).path("incoming_phone_numbers"));
    }

    @Override
    public List<PhoneNumber> availableLocalNumbers(String subaccountSid, String country, Optional<String> areaCode) {
        HttpUrl.Builder url = BaseUrls.join(
                        baseUrl, API, "Accounts", subaccountSid, "AvailablePhoneNumbers", country, "Local.json")
                .newBuilder();
        areaCode.ifPresent(code -> url.addQueryParameter("AreaCode", code));
        url.addQueryParameter("SmsEnabled", "true");
        return numbers(
                "number search",
                call("number search", new Request.Builder().url(url.build()).get())
                        .path("available_phone_numbers"));
    }

    @Override
    public PhoneNumber buy(String subaccountSid, PhoneNumber number, URI smsUrl) {
        FormBody form = new FormBody.Builder(StandardCharsets.UTF_8)
                .add("PhoneNumber", number.e164())
                .add("SmsUrl", smsUrl.toString())
                .add("SmsMethod", "POST")
                .build();
        HttpUrl url = BaseUrls.join(baseUrl, API, "Accounts", subaccountSid, "IncomingPhoneNumbers.json");
        JsonNode json = call("number purchase", new Request.Builder().url(url).post(form));
        PhoneNumber bought = phone("number purchase", json.path("phone_number"));
        LOG.info("twilio number bought: subaccount={} number={}", subaccountSid, bought);
        return bought;
    }

    private JsonNode call(String step, Request.Builder request) {
        if (accountSid.isEmpty() || authToken.isEmpty()) {
            throw new GatewayRejection(
                    GatewayRejection.Kind.UNAVAILABLE,
                    "twilio_not_configured",
                    "Twilio provisioning needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.");
        }
        Request built;
        try {
            built = request.header(
                            "Authorization",
                            Credentials.basic(accountSid.get(), authToken.get().reveal(), StandardCharsets.UTF_8))
                    .header("Accept", "application/json")
                    .build();
        } catch (IllegalArgumentException e) {
            throw invalid(step, "the Twilio credentials are not a valid header value");
        }
        ProviderCall.Reply reply = ProviderExchange.execute(client, built, "Twilio");
        if (!reply.successful()) {
            SendOutcome.Failed failed = TwilioErrors.classify(reply);
            LOG.warn("twilio provisioning step failed: step={} status={} code={}", step, reply.status(), failed.code());
            throw ProviderExchange.failure("Twilio refused the " + step + ": " + failed.detail(), failed.code());
        }
        return ProviderJson.object(reply).orElseThrow(() -> invalid(step, "the answer is not a JSON object"));
    }

    private static TwilioSubaccount subaccount(String step, JsonNode account) {
        Optional<String> sid = ProviderJson.text(account.path("sid"));
        Optional<String> token = ProviderJson.text(account.path("auth_token"));
        if (sid.isEmpty() || token.isEmpty()) {
            throw invalid(step, "no sid or auth_token");
        }
        return new TwilioSubaccount(sid.get(), new Secret(token.get()));
    }

    private static List<PhoneNumber> numbers(String step, JsonNode items) {
        List<PhoneNumber> numbers = new ArrayList<>();
        for (JsonNode item : items) {
            numbers.add(phone(step, item.path("phone_number")));
        }
        return numbers;
    }

    private static PhoneNumber phone(String step, JsonNode node) {
        try {
            return new PhoneNumber(ProviderJson.text(node).orElse(""));
        } catch (IllegalArgumentException e) {
            throw invalid(step, "a phone_number that is not E.164");
        }
    }

    private static GatewayRejection invalid(String step, String what) {
        LOG.warn("twilio provisioning step failed: step={} invalid answer ({})", step, what);
        return ProviderExchange.failure(
                "Twilio's answer to the " + step + " could not be used: " + what + ".", "invalid_response");
    }
}
