package com.vendin.whatsapp.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.media.MediaReference;
import com.vendin.whatsapp.ports.query.InboundMedia;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboundMediaReaderTest {
    private static final String TWILIO_URL = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1";

    @Test
    void givenTwilioDetailsWhenReadThenTheMediaUrlIsOnlyTheLinkReferenceNeverShown() {
        InboundMedia media = InboundMediaReader.read(
                        "audio",
                        "{\"mediaId\":\"ME1\",\"mediaUrl\":\"" + TWILIO_URL + "\",\"mimeType\":\"audio/ogg\"}",
                        "pizza-sp",
                        "MM1",
                        "twilio",
                        false)
                .orElseThrow();

        assertThat(media.mediaId()).contains("ME1");
        assertThat(media.mimeType()).contains("audio/ogg");
        assertThat(media.caption()).isEmpty();
        assertThat(media.url()).isEmpty();
        assertThat(media.reference())
                .contains(new MediaReference(new TenantId("pizza-sp"), "MM1", Provider.TWILIO, false, TWILIO_URL));
    }

    @Test
    void givenAnOwnersMetaDocumentWhenReadThenItsFilenameIsKeptAndItsLinkUsesThePlatformNumber() {
        InboundMedia media = InboundMediaReader.read(
                        "document",
                        "{\"mediaId\":\"77\",\"filename\":\"pedido.pdf\"," + "\"mimeType\":\"application/pdf\"}",
                        "moda",
                        "wamid.D",
                        "facebook",
                        true)
                .orElseThrow();

        assertThat(media.filename()).contains("pedido.pdf");
        assertThat(media.reference().map(MediaReference::viaPlatform)).contains(true);
        assertThat(media.reference().map(MediaReference::media)).contains("77");
    }

    @Test
    void givenNoMediaOrUnreadableDetailsWhenReadThenNothing() {
        assertThat(InboundMediaReader.read("text", "{\"mediaId\":\"1\"}", "moda", "w", "facebook", false))
                .isEmpty();
        assertThat(InboundMediaReader.read("image", null, "moda", "w", "facebook", false))
                .isEmpty();
        assertThat(InboundMediaReader.read("image", "not json", "moda", "w", "facebook", false))
                .isEmpty();
        assertThat(InboundMediaReader.read("image", "[1]", "moda", "w", "facebook", false))
                .isEmpty();
        assertThat(InboundMediaReader.read("image", "{}", "moda", "w", "facebook", false))
                .contains(new InboundMedia(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
    }
}
