package com.vendin.whatsapp.domain.otp;

import com.vendin.whatsapp.domain.phone.PhoneNumbers;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.otp.OtpStore;
import com.vendin.whatsapp.ports.otp.PendingCode;
import com.vendin.whatsapp.ports.otp.RegisterAdminPhone;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.AdminPhoneRepository;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Registers store owners' phones with one-time codes (CONTRACT §5.2): six random digits sent from the
 * platform number, valid five minutes, used once, void after five wrong tries, at most one per phone a
 * minute and five an hour, bound to the tenant and user that asked for it.
 */
public final class AdminPhoneRegistration implements RegisterAdminPhone {
    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;
    static final OtpStore.Limits LIMITS = new OtpStore.Limits(Duration.ofSeconds(60), 5, Duration.ofHours(1));
    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
    private static final int MAX_USER_ID = 128;
    private static final String ROLE = "admin";

    private final TenantRepository tenants;
    private final TenantDirectory directory;
    private final AdminPhoneRepository adminPhones;
    private final OtpStore store;
    private final CodeDelivery delivery;
    private final CodeHasher hasher;
    private final Clock clock;

    /** @param secretKey the gateway's secret key (at least 16 bytes); the code hashing key is derived from it */
    public AdminPhoneRegistration(
            TenantRepository tenants,
            TenantDirectory directory,
            AdminPhoneRepository adminPhones,
            OtpStore store,
            CodeSending sending,
            byte[] secretKey,
            Clock clock) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.adminPhones = Objects.requireNonNull(adminPhones, "adminPhones");
        this.store = Objects.requireNonNull(store, "store");
        this.delivery = new CodeDelivery(sending.sender(), sending.platform(), sending.settings());
        this.hasher = new CodeHasher(secretKey);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Instant requestCode(RequestCode command) {
        requireTenant(command.tenantId());
        PhoneNumber phone = PhoneNumbers.parseCanonical(command.phone());
        String userId = userId(command.userId());
        if (PhoneNumbers.spellings(phone).stream()
                .anyMatch(p -> directory.findAdminByPhone(p).isPresent())) {
            throw GatewayRejection.conflict("phone_already_registered", "This phone is already registered to a store.");
        }
        SenderAccount from = delivery.platformAccount();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(VALIDITY);
        String code = hasher.newCode();
        String salt = hasher.newSalt();
        PendingCode pending = new PendingCode(
                UUID.randomUUID().toString(),
                command.tenantId(),
                userId,
                salt,
                hasher.hash(salt, command.tenantId(), userId, phone, code),
                expiresAt,
                0);
        if (!store.issue(phone, pending, now, LIMITS)) {
            throw GatewayRejection.tooMany(
                    "too_many_requests",
                    "A code was sent to this phone less than a minute ago, or five within the hour; try again later.");
        }
        delivery.send(from, phone, code, VALIDITY.toMinutes());
        return expiresAt;
    }

    @Override
    public AdminPhone confirm(ConfirmCode command) {
        requireTenant(command.tenantId());
        PhoneNumber phone = PhoneNumbers.parseCanonical(command.phone());
        String userId = userId(command.userId());
        if (!SIX_DIGITS.matcher(command.otp()).matches()) {
            throw invalidOtp();
        }
        Instant now = clock.instant();
        PendingCode pending = store.countAttempt(phone, now).orElseThrow(AdminPhoneRegistration::invalidOtp);
        if (pending.attempts() > MAX_ATTEMPTS) {
            throw GatewayRejection.tooMany(
                    "too_many_attempts", "Too many wrong codes for this phone; ask for a new code.");
        }
        boolean valid = now.isBefore(pending.expiresAt())
                && hasher.matches(
                        pending.hashHex(), pending.saltHex(), command.tenantId(), userId, phone, command.otp());
        if (!valid || !store.consume(phone, pending.codeId(), MAX_ATTEMPTS)) {
            throw invalidOtp();
        }
        AdminPhone registered =
                new AdminPhone(UUID.randomUUID().toString(), command.tenantId(), userId, phone, ROLE, now, now);
        adminPhones.add(registered);
        return registered;
    }

    @Override
    public List<AdminPhone> list(TenantId tenantId) {
        requireTenant(tenantId);
        return adminPhones.listFor(tenantId);
    }

    @Override
    public void remove(TenantId tenantId, String phone) {
        requireTenant(tenantId);
        PhoneNumber parsed = PhoneNumbers.parseCanonical(phone);
        boolean removed = false;
        for (PhoneNumber spelling : PhoneNumbers.spellings(parsed)) {
            removed |= adminPhones.remove(tenantId, spelling);
        }
        if (!removed) {
            throw GatewayRejection.notFound("admin_phone_not_found", "This tenant has no admin phone " + parsed + ".");
        }
    }

    private void requireTenant(TenantId id) {
        if (tenants.findById(id).isEmpty()) {
            throw GatewayRejection.notFound("tenant_not_found", "No tenant has the id " + id + ".");
        }
    }

    private static String userId(String raw) {
        String trimmed = raw.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_USER_ID) {
            throw GatewayRejection.invalid("invalid_user_id", "userId must be 1 to " + MAX_USER_ID + " characters.");
        }
        return trimmed;
    }

    private static GatewayRejection invalidOtp() {
        return GatewayRejection.invalid("invalid_otp", "The code is wrong, expired or already used.");
    }
}
