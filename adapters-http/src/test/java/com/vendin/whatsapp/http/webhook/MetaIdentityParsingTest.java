package com.vendin.whatsapp.http.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.http.support.MetaPayloads;
import com.vendin.whatsapp.http.support.TestServer;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.IdentityChange;
import com.vendin.whatsapp.ports.inbound.InboundBatch;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.StandbyItem;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Usernames and business-scoped user ids in Meta webhooks (CONTRACT §2.4), from the real payloads in
 * docs/PROVIDERS.md §1.3 (nyaruka/courier's public fixtures, Meta's system messages, a real failed status).
 */
class MetaIdentityParsingTest {
    /** Courier {@code handlers/meta/testdata/wac/hello_from_bsuid.json}: a username user with no phone. */
    static final String HELLO_FROM_BSUID =
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"8856996819413533\","
                    + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                    + "\"+250 788 123 200\",\"phone_number_id\":\"1234567890\"},\"contacts\":[{\"profile\":{\"name\":\"Kerry Fisher\","
                    + "\"username\":\"kfisher\"},\"user_id\":\"US.1234\",\"parent_user_id\":\"US.ENT.5678\"}],\"messages\":[{"
                    + "\"from_user_id\":\"US.1234\",\"from_parent_user_id\":\"US.ENT.5678\",\"id\":\"external_id\",\"timestamp\":"
                    + "\"1454119029\",\"text\":{\"body\":\"Hello World\"},\"type\":\"text\"}]},\"field\":\"messages\"}]}]}";

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenAUsernameOnlyMessageWhenPostedThenItCarriesTheBsuidUsernameAndNoPhone() {
        assertThat(post(HELLO_FROM_BSUID)).isEqualTo(200);

        InboundMessage message = server.receiver.messages().get(0);
        assertThat(message.providerMessageId()).isEqualTo("external_id");
        assertThat(message.from()).isEmpty();
        assertThat(message.userId()).contains("US.1234");
        assertThat(message.parentUserId()).contains("US.ENT.5678");
        assertThat(message.username()).contains("kfisher");
        assertThat(message.profileName()).contains("Kerry Fisher");
        assertThat(message.replyAddress()).isEqualTo("US.1234");
        assertThat(message.to().phoneId()).contains("1234567890");
    }

    @Test
    void givenPhoneAndBsuidWhenPostedThenBothAreKeptAndTheUsernameKeepsItsAt() {
        // Courier hello_user_id.json
        String contacts = "[{\"profile\":{\"name\":\"Kerry Fisher\",\"username\":\"@kfisher\"},\"wa_id\":\"5678\","
                + "\"user_id\":\"US.1234\"}]";
        String item =
                "{\"from\":\"5678\",\"from_user_id\":\"US.1234\",\"id\":\"external_id\",\"timestamp\":\"1454119029\","
                        + "\"text\":{\"body\":\"Hello World\"},\"type\":\"text\"}";

        post(MetaPayloads.envelope(MetaPayloads.change(
                MetaPayloads.PHONE_ID, MetaPayloads.DISPLAY, contacts, java.util.List.of(item), java.util.List.of())));

        InboundMessage message = server.receiver.messages().get(0);
        assertThat(message.from()).isEqualTo("5678");
        assertThat(message.userId()).contains("US.1234");
        assertThat(message.username()).contains("@kfisher");
        assertThat(message.replyAddress()).isEqualTo("5678");
    }

    @Test
    void givenABsuidInFromWhenPostedThenItIsTheUserIdAndNotAPhone() {
        // Courier hello_bsuid_in_from.json
        String contacts = "[{\"profile\":{\"name\":\"Kerry Fisher\"},\"wa_id\":\"US.1234\"}]";
        String item = "{\"from\":\"US.1234\",\"id\":\"external_id\",\"timestamp\":\"1454119029\","
                + "\"text\":{\"body\":\"Hello World\"},\"type\":\"text\"}";

        post(MetaPayloads.envelope(MetaPayloads.change(
                MetaPayloads.PHONE_ID, MetaPayloads.DISPLAY, contacts, java.util.List.of(item), java.util.List.of())));

        InboundMessage message = server.receiver.messages().get(0);
        assertThat(message.from()).isEmpty();
        assertThat(message.userId()).contains("US.1234");
        assertThat(message.profileName()).contains("Kerry Fisher");
    }

    @Test
    void givenSystemMessagesWhenPostedThenTheyAreIdentityChangesAndNotMessages() {
        String userIdChanged = "{\"from_user_id\":\"US.1234\",\"id\":\"wamid.SYS1\",\"timestamp\":\"1767225600\","
                + "\"type\":\"system\",\"system\":{\"body\":\"User Kerry changed from US.1234 to US.9999\","
                + "\"type\":\"user_changed_user_id\",\"user_id\":\"US.9999\",\"previous_user_id\":\"US.1234\"}}";
        String numberChanged = "{\"from\":\"34600111222\",\"id\":\"wamid.SYS2\",\"timestamp\":\"1767225601\","
                + "\"type\":\"system\",\"system\":{\"body\":\"User A changed from +34 600 111 222 to +34 600 333 444\","
                + "\"wa_id\":\"34600333444\",\"type\":\"user_changed_number\",\"user_id\":\"ES.2002\","
                + "\"previous_user_id\":\"ES.1001\"}}";

        post(MetaPayloads.envelope(MetaPayloads.change(
                MetaPayloads.PHONE_ID,
                MetaPayloads.DISPLAY,
                null,
                java.util.List.of(userIdChanged, numberChanged, MetaPayloads.text("wamid.T", "oi")),
                java.util.List.of())));

        InboundBatch batch = server.receiver.batches().get(0);
        assertThat(batch.messages())
                .extracting(InboundMessage::providerMessageId)
                .containsExactly("wamid.T");
        IdentityChange first = batch.identityChanges().get(0);
        assertThat(first.kind()).isEqualTo(IdentityChange.Kind.USER_CHANGED_USER_ID);
        assertThat(first.previousUserId()).contains("US.1234");
        assertThat(first.newUserId()).contains("US.9999");
        IdentityChange second = batch.identityChanges().get(1);
        assertThat(second.kind()).isEqualTo(IdentityChange.Kind.USER_CHANGED_NUMBER);
        assertThat(second.previousPhone()).contains("34600111222");
        assertThat(second.newPhone()).contains("34600333444");
        assertThat(second.previousUserId()).contains("ES.1001");
        assertThat(second.newUserId()).contains("ES.2002");
        assertThat(second.to().phoneId()).contains(MetaPayloads.PHONE_ID);
    }

    @Test
    void givenAFailedStatusWithRecipientUserIdAndContactsWhenPostedThenItIsAStatusUpdate() {
        // fazer-ai/chatwoot#439 (values were redacted by the reporter)
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"34911222333\",\"phone_number_id\":\"520000000000002\"},\"contacts\":[{\"wa_id\":\"34600111222\","
                + "\"user_id\":\"ES.1001\"}],\"statuses\":[{\"id\":\"wamid.OUT1\",\"status\":\"failed\",\"timestamp\":"
                + "\"1788996859\",\"recipient_id\":\"34600111222\",\"recipient_user_id\":\"ES.1001\",\"errors\":[{\"code\":"
                + "131053,\"title\":\"Media upload error\",\"message\":\"Media upload error\",\"error_data\":{\"details\":"
                + "\"Unsupported Voice mime type audio/opus.\"}}]}]}}]}]}";
        String bsuidOnly = "{\"id\":\"wamid.OUT2\",\"status\":\"delivered\",\"timestamp\":\"1788996860\","
                + "\"recipient_user_id\":\"US.1234\"}";

        post(body);
        post(MetaPayloads.envelope(MetaPayloads.change(
                MetaPayloads.PHONE_ID, MetaPayloads.DISPLAY, null, java.util.List.of(), java.util.List.of(bsuidOnly))));

        assertThat(server.receiver.statuses())
                .extracting(StatusUpdate::providerMessageId, StatusUpdate::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("wamid.OUT1", DeliveryStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple("wamid.OUT2", DeliveryStatus.DELIVERED));
        assertThat(server.receiver.statuses().get(0).errorCode()).contains("131053");
    }

    @Test
    void givenAStandbyChangeWhenPostedThenItsItemsAreStandbyAndNeverMessages() {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
                + "\"standby\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"34911222333\",\"phone_number_id\":\"520000000000002\"},\"contacts\":[{\"profile\":{\"name\":\"Ana\"},"
                + "\"wa_id\":\"34600111222\",\"user_id\":\"ES.1001\"}],\"messages\":[{\"from\":\"34600111222\",\"id\":"
                + "\"wamid.SB1\",\"timestamp\":\"1767225600\",\"type\":\"text\",\"text\":{\"body\":\"Tem tamanho M?\"}}],"
                + "\"statuses\":[{\"id\":\"wamid.AGENT1\",\"status\":\"read\",\"timestamp\":\"1767225601\","
                + "\"recipient_id\":\"34600111222\"}]}}]}]}";

        assertThat(post(body)).isEqualTo(200);

        InboundBatch batch = server.receiver.batches().get(0);
        assertThat(batch.messages()).isEmpty();
        assertThat(batch.statuses()).isEmpty();
        assertThat(batch.standby())
                .extracting(StandbyItem::key, StandbyItem::kind, StandbyItem::sender)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "wamid.SB1", StandbyItem.Kind.MESSAGE, Optional.of("34600111222")),
                        org.assertj.core.groups.Tuple.tuple(
                                "wamid.AGENT1:read", StandbyItem.Kind.STATUS, Optional.of("34600111222")));
        assertThat(batch.standby().get(0).text()).isEqualTo("Tem tamanho M?");
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
