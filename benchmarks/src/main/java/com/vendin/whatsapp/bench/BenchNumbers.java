package com.vendin.whatsapp.bench;

/**
 * How the benchmarks number things: tenant {@code i} is {@code bench-00000i} with store number
 * {@code +55 21 9xxxx-xxxx} and Meta phone id {@code 1000...i}; customer {@code s} is {@code +55 11 9xxxx-xxxx}.
 */
public final class BenchNumbers {
    private BenchNumbers() {}

    /** Customer {@code sender}'s number as Meta spells it (digits, no {@code +}): a São Paulo mobile. */
    public static String senderDigits(long sender) {
        return "55119" + pad(sender % 100_000_000L, 8);
    }

    /** The store number of tenant {@code index}, E.164 (a Rio de Janeiro mobile). */
    public static String storeNumber(int index) {
        return "+55219" + pad(index, 8);
    }

    public static String phoneId(int index) {
        return "1" + pad(index, 14);
    }

    public static String tenantId(int index) {
        return "bench-" + pad(index, 6);
    }

    static String pad(long value, int width) {
        String digits = Long.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
