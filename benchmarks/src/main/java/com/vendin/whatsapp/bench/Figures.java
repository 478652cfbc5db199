package com.vendin.whatsapp.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The figures of a load phase, as JSON-ready maps (milliseconds, requests per second). */
final class Figures {
    private Figures() {}

    static Map<String, Object> throughput(LoadGenerator.Result result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("perSecond", GatewayRun.round(result.perSecond(), 1));
        m.put("ok", result.ok());
        m.put("failed", result.failures());
        m.put("seconds", GatewayRun.seconds(result.elapsed().toNanos()));
        m.put("connections", result.connections());
        m.put("closedLoopLatencyMs", percentiles(result.latencyMicros()));
        m.put("closedLoopP99OverP50", p99OverP50(result.latencyMicros()));
        return m;
    }

    /** p99 / p50 of a histogram (issue 15's tail target in the closed loop), or null when it is empty. */
    static Double p99OverP50(Histogram micros) {
        long p50 = micros.getValueAtPercentile(50);
        return micros.getTotalCount() == 0 || p50 <= 0
                ? null
                : GatewayRun.round((double) micros.getValueAtPercentile(99) / p50, 2);
    }

    static Map<String, Object> latency(LoadGenerator.Result result, double offered) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offeredPerSecond", GatewayRun.round(offered, 1));
        m.put("achievedPerSecond", GatewayRun.round(result.perSecond(), 1));
        m.put("ok", result.ok());
        m.put("failed", result.failures());
        m.put("unsent", result.unsent());
        m.put("ms", percentiles(result.latencyMicros()));
        return m;
    }

    static Map<String, Object> percentiles(Histogram micros) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", ms(micros.getValueAtPercentile(50)));
        m.put("p90", ms(micros.getValueAtPercentile(90)));
        m.put("p99", ms(micros.getValueAtPercentile(99)));
        m.put("p999", ms(micros.getValueAtPercentile(99.9)));
        m.put("max", ms(micros.getMaxValue()));
        return m;
    }

    private static double ms(long micros) {
        return GatewayRun.round(micros / 1000.0, 2);
    }
}
