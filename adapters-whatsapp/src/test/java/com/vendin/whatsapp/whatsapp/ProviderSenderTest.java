package com.vendin.whatsapp.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.OutboundText;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import org.junit.jupiter.api.Test;

class ProviderSenderTest {
    private final ProviderSender sender = new ProviderSender(
            message -> new SendOutcome.Accepted("wamid.meta"), message -> new SendOutcome.Accepted("SMtwilio"));

    @Test
    void givenMetaAccountWhenSendingThenGraphSenderIsUsed() {
        OutboundText message = new OutboundText(SenderAccount.meta("1", new Secret("t")), "5511987654321", "x");

        assertThat(sender.send(message)).isEqualTo(new SendOutcome.Accepted("wamid.meta"));
    }

    @Test
    void givenTwilioAccountWhenSendingThenTwilioSenderIsUsed() {
        OutboundText message = new OutboundText(
                SenderAccount.twilio(new PhoneNumber("+14155238886"), "AC1", new Secret("t")), "+5511987654321", "x");

        assertThat(sender.send(message)).isEqualTo(new SendOutcome.Accepted("SMtwilio"));
    }

    @Test
    void givenDefaultsWhenReadThenContractUrls() {
        assertThat(ProviderApiConfig.defaults())
                .isEqualTo(new ProviderApiConfig("https://graph.facebook.com/v25.0", "https://api.twilio.com"));
    }

    @Test
    void givenMalformedTwilioUrlWhenConfiguredThenRejectedNamingTheVariable() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProviderApiConfig("https://graph.facebook.com/v25.0", "api.twilio.com"))
                .withMessageContaining("TWILIO_API_URL");
    }
}
