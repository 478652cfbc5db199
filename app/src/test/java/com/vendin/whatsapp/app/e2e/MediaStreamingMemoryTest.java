package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeMediaProvider;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.GatewayProcess;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB document streams through a gateway whose heap is 64 MB (CONTRACT §3.3: never buffered whole): the
 * gateway runs in its own JVM with {@code -Xmx64m}, and would run out of memory holding the document.
 */
class MediaStreamingMemoryTest {
    private static final long SIZE = 50L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void a50MegabyteDocumentStreamsThroughAGatewayWithA64MegabyteHeap() throws Exception {
        try (FakeMediaProvider provider = new FakeMediaProvider().start();
                FakeTenant store = new FakeTenant().start().replyWith(body -> null)) {
            FakeMediaProvider.GatedBody document = new FakeMediaProvider.GatedBody(SIZE, 0);
            document.open();
            provider.metaMedia("6060", "moda-token", "application/pdf", document);
            Map<String, String> env = TestGateway.environment(dir, provider.graphUrl());
            Path log = dir.resolve("gateway.log");
            try (GatewayProcess gateway = GatewayProcess.start(
                    env, GatewayProcess.freePort(), log, List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"))) {
                gateway.createMetaTenant("moda", store.url(), "+5511999911111", "106540352242922");
                String value = "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                        + "\"5511999911111\",\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":"
                        + "{\"name\":\"Ana\"},\"wa_id\":\"5511988887777\"}],\"messages\":[{\"from\":\"5511988887777\","
                        + "\"id\":\"wamid.BIG2\",\"timestamp\":\"" + System.currentTimeMillis() / 1000 + "\",\"type\":"
                        + "\"document\",\"document\":{\"filename\":\"catalogo.pdf\",\"mime_type\":\"application/pdf\","
                        + "\"id\":\"6060\"}}]}";
                assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                        .rawChange("messages", value)
                                        .json())
                                .code())
                        .isEqualTo(200);
                Eventually.within(
                        Duration.ofSeconds(20),
                        "the store is called",
                        () -> store.calls().size() == 1);
                String url =
                        store.calls().get(0).body().path("document").path("url").asText();

                long received = 0;
                try (Response response = TestGateway.CLIENT
                                .newCall(new Request.Builder().url(url).build())
                                .execute();
                        InputStream in = response.body().byteStream()) {
                    assertThat(response.code()).isEqualTo(200);
                    byte[] chunk = new byte[64 * 1024];
                    for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                        for (int i = 0; i < n; i += 4099) {
                            assertThat(chunk[i]).isEqualTo(FakeMediaProvider.byteAt(received + i));
                        }
                        received += n;
                    }
                }
                assertThat(received).isEqualTo(SIZE);
                assertThat(gateway.postMetaWebhook("{}").code())
                        .as("the gateway still answers")
                        .isEqualTo(400);
            } finally {
                assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
            }
        }
    }
}
