package com.vendin.whatsapp.app.demo;

import com.vendin.whatsapp.ports.common.Secret;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the demo's agents know once the stores are seeded: the gateway's own address (where they call the send API
 * and where the product photos are served) and each store's instanceSecret, kept in memory only, never logged.
 */
public final class DemoStores {
    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();
    private volatile String baseUrl;

    /** The demo listens on {@code baseUrl} (e.g. {@code http://127.0.0.1:8080}, no trailing slash). */
    public void listeningOn(String baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
    }

    /** Store {@code store} signs its calls to the gateway with {@code instanceSecret}. */
    public void seeded(String store, Secret instanceSecret) {
        secrets.put(Objects.requireNonNull(store, "store"), Objects.requireNonNull(instanceSecret, "instanceSecret"));
    }

    /** The gateway's base URL; empty before the demo is seeded. */
    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** The instanceSecret of {@code store}; empty for a store not seeded (yet). */
    Optional<Secret> secret(String store) {
        return Optional.ofNullable(secrets.get(store));
    }
}
