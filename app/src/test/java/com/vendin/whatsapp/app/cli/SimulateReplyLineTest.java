package com.vendin.whatsapp.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** How simulate prints one outbox entry of the demo. */
class SimulateReplyLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode item(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void givenRichPartWhenPrintedThenItsReadableLine() throws Exception {
        assertThat(
                        SimulateCommand.replyLine(
                                "5511988887777",
                                item(
                                        "{\"type\":\"buttons\",\"text\":\"[buttons] Quer levar?: Comprar | Ver cores\",\"part\":\"out-3\"}")))
                .isEqualTo("reply to +5511988887777: [buttons] Quer levar?: Comprar | Ver cores");
    }

    @Test
    void givenSendApiReplyWhenPrintedThenMarkedWithItsReplyTo() throws Exception {
        assertThat(
                        SimulateCommand.replyLine(
                                "5511955554444",
                                item(
                                        "{\"type\":\"text\",\"text\":\"Tech Store: oi\",\"via\":\"send-api\",\"replyTo\":\"wamid.X\"}")))
                .isEqualTo(
                        "reply to +5511955554444: Tech Store: oi   (sent later through the send API, replyTo wamid.X)");
    }
}
