package com.vendin.whatsapp.app;

/** Entry point (placeholder until wiring lands). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
    }
}
