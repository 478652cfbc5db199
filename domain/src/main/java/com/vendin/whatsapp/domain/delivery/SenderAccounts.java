package com.vendin.whatsapp.domain.delivery;

import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the number and credentials a reply leaves with: the platform number for admins, else the
 * store's number with its own credentials or, failing those, the platform's (pool numbers on the
 * platform WABA, Twilio numbers on the main account).
 */
public final class SenderAccounts {
    private final PlatformAccount platform;

    public SenderAccounts(PlatformAccount platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    /** A resolved sender; {@code tenantCredentials} when the credentials are the tenant's own. */
    public record Resolved(SenderAccount account, boolean tenantCredentials) {}

    public Optional<Resolved> resolve(ReplyRoute route, Optional<WhatsAppNumber> storeNumber) {
        if (route.viaPlatform()) {
            return platformAccount(route.provider()).map(account -> new Resolved(account, false));
        }
        return storeNumber.flatMap(
                number -> route.provider() == Provider.FACEBOOK ? storeMeta(route, number) : storeTwilio(number));
    }

    private Optional<SenderAccount> platformAccount(Provider provider) {
        if (provider == Provider.FACEBOOK) {
            return meta(platform.metaPhoneId(), platform.metaAccessToken());
        }
        return platform.twilioFrom()
                .flatMap(from -> twilio(from, platform.twilioAccountSid(), platform.twilioAuthToken()));
    }

    private Optional<Resolved> storeMeta(ReplyRoute route, WhatsAppNumber number) {
        Optional<String> phoneId = route.fromPhoneId().or(number::phoneId);
        boolean own = number.accessToken().isPresent();
        Optional<Secret> token = own ? number.accessToken() : platform.metaAccessToken();
        return meta(phoneId, token).map(account -> new Resolved(account, own));
    }

    private Optional<Resolved> storeTwilio(WhatsAppNumber number) {
        boolean own = number.twilioAccountSid().isPresent()
                && number.twilioAuthToken().isPresent();
        Optional<String> sid = own ? number.twilioAccountSid() : platform.twilioAccountSid();
        Optional<Secret> token = own ? number.twilioAuthToken() : platform.twilioAuthToken();
        return twilio(number.phoneNumber(), sid, token).map(account -> new Resolved(account, own));
    }

    private static Optional<SenderAccount> meta(Optional<String> phoneId, Optional<Secret> token) {
        return phoneId.flatMap(id -> token.map(t -> SenderAccount.meta(id, t)));
    }

    private static Optional<SenderAccount> twilio(PhoneNumber from, Optional<String> sid, Optional<Secret> token) {
        return sid.flatMap(s -> token.map(t -> SenderAccount.twilio(from, s, t)));
    }
}
