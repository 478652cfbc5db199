package com.vendin.whatsapp.domain.media;

import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.domain.delivery.SenderAccounts;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.media.FetchMedia;
import com.vendin.whatsapp.ports.media.MediaFetch;
import com.vendin.whatsapp.ports.media.MediaLinks;
import com.vendin.whatsapp.ports.media.MediaReference;
import com.vendin.whatsapp.ports.media.MediaSource;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Media for tenants (CONTRACT §3.3): signs links under the gateway's public URL, valid for {@link #LINK_LIFETIME},
 * and streams a linked item from its provider with the credentials of the number it came in on (the platform's
 * for an admin's message, else the store's, as replies choose them).
 */
public final class MediaService implements MediaLinks, FetchMedia {
    public static final Duration LINK_LIFETIME = Duration.ofHours(1);
    /** The path under the public URL; the HTTP route serves {@code /media/{token}}. */
    public static final String PATH = "/media/";

    private final MediaTokens tokens;
    private final Supplier<URI> publicUrl;
    private final TenantRepository tenants;
    private final SenderAccounts accounts;
    private final MediaSource source;
    private final Clock clock;

    public MediaService(
            byte[] secretKey,
            Supplier<URI> publicUrl,
            TenantRepository tenants,
            PlatformAccount platform,
            MediaSource source,
            Clock clock) {
        this.tokens = new MediaTokens(secretKey);
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.accounts = new SenderAccounts(Objects.requireNonNull(platform, "platform"));
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<URI> linkFor(MediaReference reference) {
        String base = publicUrl.get().toString().replaceAll("/+$", "");
        return tokens.issue(reference, clock.instant().plus(LINK_LIFETIME))
                .map(token -> URI.create(base + PATH + token));
    }

    @Override
    public MediaFetch fetch(String token) {
        Optional<MediaTokens.Claims> claims = tokens.verify(token);
        if (claims.isEmpty() || !clock.instant().isBefore(claims.get().expiresAt())) {
            return new MediaFetch.Forbidden();
        }
        MediaReference reference = claims.get().reference();
        Optional<Tenant> tenant = tenants.findById(reference.tenantId());
        if (tenant.isEmpty()) {
            return new MediaFetch.Gone();
        }
        ReplyRoute route = new ReplyRoute(reference.provider(), reference.viaPlatform(), Optional.empty(), "");
        Optional<SenderAccount> account =
                accounts.resolve(route, tenant.get().whatsapp()).map(SenderAccounts.Resolved::account);
        if (account.isEmpty()) {
            return new MediaFetch.Unavailable("no credentials for the number the media came in on");
        }
        return source.open(account.get(), reference.media());
    }
}
