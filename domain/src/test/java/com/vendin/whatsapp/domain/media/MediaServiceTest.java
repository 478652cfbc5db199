package com.vendin.whatsapp.domain.media;

import static com.vendin.whatsapp.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.domain.Fixtures;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.media.MediaFetch;
import com.vendin.whatsapp.ports.media.MediaReference;
import com.vendin.whatsapp.ports.media.MediaStream;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import com.vendin.whatsapp.ports.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MediaServiceTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final List<String> asked = new ArrayList<>();
    private MediaService media;

    @BeforeEach
    void setUp() {
        tenants.insert(Fixtures.tenant(
                "moda",
                Optional.of(Fixtures.metaNumber("+5511999911111", "106540352242922", Optional.of("moda-token")))));
        tenants.insert(Fixtures.tenant(
                "pizza", Optional.of(Fixtures.twilioNumber("+551140045678", Optional.empty(), Optional.empty()))));
        media = service(KEY);
    }

    private MediaService service(byte[] key) {
        return new MediaService(
                key,
                () -> URI.create("https://gw.example.com/"),
                tenants,
                Fixtures.platform(),
                (SenderAccount account, String ref) -> {
                    asked.add(account + " "
                            + account.accessToken().map(t -> t.reveal()).orElse("")
                            + account.authToken().map(t -> t.reveal()).orElse("") + " " + ref);
                    return new MediaFetch.Found(new MediaStream(
                            new ByteArrayInputStream(new byte[] {1}), Optional.of("image/jpeg"), OptionalLong.of(1)));
                },
                clock);
    }

    private String token(MediaReference reference) {
        String url = media.linkFor(reference).orElseThrow().toString();
        assertThat(url).startsWith("https://gw.example.com/media/");
        return url.substring("https://gw.example.com/media/".length());
    }

    @Test
    void givenLinkOfAStoresMetaMediaWhenFetchedThenAskedWithTheStoresNumberAndToken() {
        String token = token(new MediaReference(new TenantId("moda"), "wamid.1", Provider.FACEBOOK, false, "1420"));

        assertThat(media.fetch(token)).isInstanceOf(MediaFetch.Found.class);
        assertThat(asked).containsExactly("SenderAccount[facebook 106540352242922] moda-token 1420");
    }

    @Test
    void givenAdminsMediaOrATwilioStoreOnTheMainAccountWhenFetchedThenAskedWithThePlatformsCredentials() {
        String meta = token(new MediaReference(new TenantId("moda"), "wamid.2", Provider.FACEBOOK, true, "77"));
        String twilio = token(new MediaReference(
                new TenantId("pizza"),
                "SM2",
                Provider.TWILIO,
                false,
                "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1"));

        media.fetch(meta);
        media.fetch(twilio);

        assertThat(asked)
                .containsExactly(
                        "SenderAccount[facebook " + Fixtures.PLATFORM_PHONE_ID + "] "
                                + Fixtures.PLATFORM_META_TOKEN.reveal() + " 77",
                        "SenderAccount[twilio +551140045678 " + Fixtures.MAIN_TWILIO_SID + "] "
                                + Fixtures.MAIN_TWILIO_TOKEN.reveal()
                                + " https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1");
    }

    @Test
    void givenLinkWhenAnHourHasPassedThenForbiddenWithoutAskingTheProvider() {
        String token = token(new MediaReference(new TenantId("moda"), "wamid.3", Provider.FACEBOOK, false, "1"));

        clock.advance(Duration.ofHours(1).minusSeconds(1));
        assertThat(media.fetch(token)).isInstanceOf(MediaFetch.Found.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(media.fetch(token)).isInstanceOf(MediaFetch.Forbidden.class);
        assertThat(asked).hasSize(1);
    }

    @Test
    void givenLinkSignedWithAnotherKeyOrAlteredWhenFetchedThenForbidden() {
        MediaReference reference = new MediaReference(new TenantId("moda"), "wamid.4", Provider.FACEBOOK, false, "1");
        String other = service("another key, 32 bytes long......".getBytes())
                .linkFor(reference)
                .orElseThrow()
                .toString()
                .replaceAll(".*/media/", "");
        String token = token(reference);

        assertThat(media.fetch(other)).isInstanceOf(MediaFetch.Forbidden.class);
        assertThat(media.fetch(token + "x")).isInstanceOf(MediaFetch.Forbidden.class);
        assertThat(media.fetch("")).isInstanceOf(MediaFetch.Forbidden.class);
        assertThat(media.fetch("a.b.c")).isInstanceOf(MediaFetch.Forbidden.class);
        assertThat(media.fetch("x".repeat(MediaTokens.MAX_TOKEN_CHARS + 1))).isInstanceOf(MediaFetch.Forbidden.class);
        assertThat(asked).isEmpty();
    }

    @Test
    void givenLinkOfATenantSinceDeletedWhenFetchedThenGone() {
        String token = token(new MediaReference(new TenantId("moda"), "wamid.5", Provider.FACEBOOK, false, "1"));
        tenants.delete(new TenantId("moda"));

        assertThat(media.fetch(token)).isInstanceOf(MediaFetch.Gone.class);
    }

    @Test
    void givenMediaReferenceWithLineBreaksWhenLinkedThenTheReferenceSurvivesAndAMessageIdWithOneIsNotLinked() {
        String url = "https://api.twilio.com/a\nb";
        String token = token(new MediaReference(new TenantId("pizza"), "SM6", Provider.TWILIO, false, url));
        media.fetch(token);

        assertThat(asked).singleElement().satisfies(line -> assertThat(line).endsWith(" " + url));
        assertThat(media.linkFor(new MediaReference(new TenantId("pizza"), "SM\n6", Provider.TWILIO, false, "u")))
                .isEmpty();
    }
}
