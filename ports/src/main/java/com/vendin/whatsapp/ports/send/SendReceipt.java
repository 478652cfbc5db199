package com.vendin.whatsapp.ports.send;

import java.util.List;
import java.util.Objects;

/** The answer to a send: its id and the queued parts ({@code out-<n>}, as the messages API lists them). */
public record SendReceipt(String id, List<Part> parts) {
    public SendReceipt {
        Objects.requireNonNull(id, "id");
        parts = List.copyOf(parts);
    }

    /** One queued part and its state ({@code pending} when queued). */
    public record Part(String id, String state) {
        public Part {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
        }
    }
}
