package com.vendin.whatsapp.http.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.http.support.MetaPayloads;
import com.vendin.whatsapp.http.support.TestServer;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetaWebhookParsingTest {
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenTwoChangesForTwoNumbersWhenPostedThenEachMessageCarriesItsOwnMetadataAndContact() {
        String first = MetaPayloads.change(
                "111",
                "5511911110000",
                MetaPayloads.contacts("5511988887777", "Ana"),
                List.of(MetaPayloads.item("wamid.A", "5511988887777", "text", "{\"body\":\"Oi\"}")),
                List.of());
        String second = MetaPayloads.change(
                "222",
                "5521922220000",
                MetaPayloads.contacts("5521977776666", "Bruno"),
                List.of(MetaPayloads.item("wamid.B", "5521977776666", "text", "{\"body\":\"Olá\"}")),
                List.of());

        post(MetaPayloads.envelope(first, second));

        List<InboundMessage> messages = server.receiver.messages();
        assertThat(messages).hasSize(2);
        InboundMessage a = messages.get(0);
        assertThat(a.provider()).isEqualTo(Provider.FACEBOOK);
        assertThat(a.providerMessageId()).isEqualTo("wamid.A");
        assertThat(a.from()).isEqualTo("5511988887777");
        assertThat(a.to().phoneId()).contains("111");
        assertThat(a.to().number()).isEqualTo("5511911110000");
        assertThat(a.profileName()).contains("Ana");
        assertThat(a.providerTimestamp()).isEqualTo(Instant.ofEpochSecond(1767225600L));
        assertThat(a.content().type()).isEqualTo("text");
        assertThat(a.content().text()).isEqualTo("Oi");
        InboundMessage b = messages.get(1);
        assertThat(b.to().phoneId()).contains("222");
        assertThat(b.to().number()).isEqualTo("5521922220000");
        assertThat(b.profileName()).contains("Bruno");
        assertThat(b.content().text()).isEqualTo("Olá");
    }

    @Test
    void givenEntriesInSeveralEntryObjectsWhenPostedThenAllAreRead() {
        String change = MetaPayloads.change(
                MetaPayloads.PHONE_ID,
                MetaPayloads.DISPLAY,
                null,
                List.of(MetaPayloads.text("wamid.%s", "x")),
                List.of());
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":["
                + "{\"id\":\"1\",\"changes\":[" + change.replace("%s", "1") + "]},"
                + "{\"id\":\"2\",\"changes\":[" + change.replace("%s", "2") + "]}]}";

        post(body);

        assertThat(server.receiver.messages())
                .extracting(InboundMessage::providerMessageId)
                .containsExactly("wamid.1", "wamid.2");
    }

    @Test
    void givenContactsForAnotherSenderWhenPostedThenProfileNameFallsBackToTheFirstContact() {
        String change = MetaPayloads.change(
                "111",
                "5511911110000",
                MetaPayloads.contacts("99999", "Someone"),
                List.of(MetaPayloads.item("wamid.A", "5511988887777", "text", "{\"body\":\"Oi\"}")),
                List.of());

        post(MetaPayloads.envelope(change));

        assertThat(server.receiver.messages().get(0).profileName()).contains("Someone");
    }

    @Test
    void givenNoContactsWhenPostedThenNoProfileName() {
        String change = MetaPayloads.change(
                "111",
                "5511911110000",
                null,
                List.of(MetaPayloads.item("wamid.A", "5511988887777", "text", "{\"body\":\"Oi\"}")),
                List.of());

        post(MetaPayloads.envelope(change));

        assertThat(server.receiver.messages().get(0).profileName()).isEmpty();
    }

    @Test
    void givenStatusesWhenPostedThenEachBecomesAStatusUpdateWithItsErrorCode() {
        String failed = "{\"id\":\"wamid.OUT1\",\"status\":\"failed\",\"timestamp\":\"1767312000\","
                + "\"recipient_id\":\"34600111222\",\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\","
                + "\"message\":\"Re-engagement message\",\"error_data\":{\"details\":\"More than 24 hours\"}}]}";
        String read = "{\"id\":\"wamid.OUT2\",\"status\":\"read\",\"timestamp\":\"1767312001\","
                + "\"recipient_id\":\"34600111222\"}";
        String played = "{\"id\":\"wamid.OUT3\",\"status\":\"played\",\"timestamp\":\"1767312002\"}";
        String sent = "{\"id\":\"wamid.OUT4\",\"status\":\"sent\",\"timestamp\":\"1767312003\",\"pricing\":"
                + "{\"billable\":false,\"pricing_model\":\"PMP\",\"type\":\"free_customer_service\",\"category\":\"service\"}}";

        post(MetaPayloads.envelope(MetaPayloads.change(
                MetaPayloads.PHONE_ID, MetaPayloads.DISPLAY, null, List.of(), List.of(failed, read, played, sent))));

        List<StatusUpdate> statuses = server.receiver.statuses();
        assertThat(statuses)
                .extracting(StatusUpdate::providerMessageId)
                .containsExactly("wamid.OUT1", "wamid.OUT2", "wamid.OUT4");
        StatusUpdate first = statuses.get(0);
        assertThat(first.provider()).isEqualTo(Provider.FACEBOOK);
        assertThat(first.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(first.timestamp()).isEqualTo(Instant.ofEpochSecond(1767312000L));
        assertThat(first.errorCode()).contains("131047");
        assertThat(first.errorTitle()).contains("Re-engagement message");
        assertThat(statuses.get(1).status()).isEqualTo(DeliveryStatus.READ);
        assertThat(statuses.get(1).errorCode()).isEmpty();
        assertThat(statuses.get(2).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(server.receiver.messages()).isEmpty();
    }

    @Test
    void givenStatusWithBizOpaqueCallbackDataWhenPostedThenItIsTheStatusesCorrelationId() {
        String sent = "{\"id\":\"wamid.OUT9\",\"status\":\"sent\",\"timestamp\":\"1767312003\","
                + "\"recipient_id\":\"34600111222\",\"biz_opaque_callback_data\":\"wg-part-17\"}";
        String plain = "{\"id\":\"wamid.OUT10\",\"status\":\"delivered\",\"timestamp\":\"1767312004\"}";

        post(MetaPayloads.envelope(MetaPayloads.change(
                MetaPayloads.PHONE_ID, MetaPayloads.DISPLAY, null, List.of(), List.of(sent, plain))));

        assertThat(server.receiver.statuses())
                .extracting(StatusUpdate::correlationId)
                .containsExactly(java.util.Optional.of("wg-part-17"), java.util.Optional.empty());
    }

    @Test
    void givenItemsWithoutIdOrFromWhenPostedThenOnlyThoseWithoutIdAreSkippedAndSiblingsRecorded() {
        String noId =
                "{\"from\":\"34600111222\",\"timestamp\":\"1767225600\",\"type\":\"text\",\"text\":{\"body\":\"a\"}}";
        String noFrom =
                "{\"id\":\"wamid.NOFROM\",\"timestamp\":\"1767225600\",\"type\":\"text\",\"text\":{\"body\":\"b\"}}";
        String notAnObject = "42";
        String statusNoId = "{\"status\":\"read\",\"timestamp\":\"1767312001\"}";
        String goodStatus = "{\"id\":\"wamid.OUT\",\"status\":\"delivered\",\"timestamp\":\"1767312001\"}";

        int status = post(MetaPayloads.envelope(MetaPayloads.change(
                MetaPayloads.PHONE_ID,
                MetaPayloads.DISPLAY,
                null,
                List.of(
                        noId,
                        MetaPayloads.text("wamid.GOOD1", "ok"),
                        noFrom,
                        notAnObject,
                        MetaPayloads.text("wamid.GOOD2", "ok too")),
                List.of(statusNoId, goodStatus))));

        assertThat(status).isEqualTo(200);
        assertThat(server.receiver.messages())
                .extracting(InboundMessage::providerMessageId)
                .containsExactly("wamid.GOOD1", "wamid.NOFROM", "wamid.GOOD2");
        InboundMessage noSender = server.receiver.messages().get(1);
        assertThat(noSender.from()).isEmpty();
        assertThat(noSender.userId()).isEmpty();
        assertThat(server.receiver.statuses())
                .extracting(StatusUpdate::providerMessageId)
                .containsExactly("wamid.OUT");
    }

    @Test
    void givenMissingTimestampWhenPostedThenTheReceiveTimeIsUsed() {
        String item = "{\"from\":\"34600111222\",\"id\":\"wamid.T\",\"type\":\"text\",\"text\":{\"body\":\"a\"}}";

        post(MetaPayloads.messages(item));

        assertThat(server.receiver.messages().get(0).providerTimestamp()).isEqualTo(TestServer.NOW);
    }

    @Test
    void givenAChangeWithoutMessagesOrStatusesWhenPostedThenAcknowledgedWithoutCallingTheUseCase() {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":"
                + "[{\"field\":\"account_update\",\"value\":{\"event\":\"VERIFIED_ACCOUNT\"}}]}]}";

        assertThat(post(body)).isEqualTo(200);
        assertThat(server.receiver.batches()).isEmpty();
    }

    private int post(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return server.execute(new Request.Builder()
                        .url(server.url("/webhooks/whatsapp/facebook"))
                        .header("X-Hub-Signature-256", MetaPayloads.signature(body))
                        .post(RequestBody.create(body, MediaType.get("application/json")))
                        .build())
                .status();
    }
}
