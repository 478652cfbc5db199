package com.vendin.whatsapp.http.webhook;

import com.vendin.whatsapp.bench.jmh.Payloads;
import com.vendin.whatsapp.http.common.GatewayJson;
import com.vendin.whatsapp.ports.common.Secret;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first two steps of a Meta webhook, on the body the load benchmark sends: the
 * {@code X-Hub-Signature-256} check ({@link MetaSignature}) and the parse into an inbound batch
 * ({@link MetaPayloadParser}). In the adapter's package because both are package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MetaWebhookBenchmark {
    private MetaSignature signature;
    private MetaPayloadParser parser;
    private byte[] body;
    private String header;

    @Setup
    public void setUp() {
        body = Payloads.metaText(42, 7);
        header = "sha256=" + Payloads.signHex(body, Payloads.APP_SECRET);
        signature = new MetaSignature(Optional.of(new Secret(Payloads.APP_SECRET)));
        parser = new MetaPayloadParser(GatewayJson.newMapper(), Clock.systemUTC());
        if (!signature.isValid(header, body)
                || parser.parse(body).batch().messages().size() != 1) {
            throw new IllegalStateException("the benchmark's webhook is not valid");
        }
    }

    @Benchmark
    public boolean signatureCheck() {
        return signature.isValid(header, body);
    }

    @Benchmark
    public ParsedPayload parse() {
        return parser.parse(body);
    }
}
