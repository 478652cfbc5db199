package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.common.JsonResponses;
import com.vendin.whatsapp.ports.numbers.EmbeddedSignup;
import com.vendin.whatsapp.ports.numbers.ProvisionTwilioNumber;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/** Provisioning a store's own number (CONTRACT §5.3): Meta Embedded Signup (A) and a Twilio subaccount number (C). */
public final class ProvisioningRoutes implements RouteGroup {
    private static final String WHATSAPP = AdminRoutes.BASE + "/tenants/{id}/whatsapp";

    private final EmbeddedSignup signup;
    private final ProvisionTwilioNumber twilio;
    private final AdminBodies bodies;
    private final ObjectMapper mapper;

    public ProvisioningRoutes(EmbeddedSignup signup, ProvisionTwilioNumber twilio, ObjectMapper mapper) {
        this.signup = Objects.requireNonNull(signup, "signup");
        this.twilio = Objects.requireNonNull(twilio, "twilio");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.bodies = new AdminBodies(mapper);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(WHATSAPP + "/embedded-signup", this::embeddedSignup);
        routes.post(WHATSAPP + "/twilio-number", this::twilioNumber);
    }

    private void embeddedSignup(Context ctx) {
        var tenant = NumberPoolRoutes.tenantId(ctx);
        SignupBody body = bodies.bind(bodies.readObject(ctx), SignupBody.class);
        EmbeddedSignup.Connected connected = signup.complete(
                tenant,
                new EmbeddedSignup.Command(
                        body.code(), body.phoneNumberId(), body.wabaId(), Optional.ofNullable(body.pin())));
        JsonResponses.send(
                ctx,
                mapper,
                200,
                mapper.createObjectNode()
                        .put("phoneNumber", connected.phoneNumber().e164())
                        .put("verifiedName", connected.verifiedName()));
    }

    private void twilioNumber(Context ctx) {
        var tenant = NumberPoolRoutes.tenantId(ctx);
        TwilioBody body = bodies.bind(bodies.readObject(ctx), TwilioBody.class);
        ProvisionTwilioNumber.Bought bought = twilio.provision(
                tenant, new ProvisionTwilioNumber.Command(body.country(), Optional.ofNullable(body.areaCode())));
        JsonResponses.send(
                ctx,
                mapper,
                201,
                mapper.createObjectNode()
                        .put("phoneNumber", bought.phoneNumber().e164())
                        .put("subaccountSid", bought.subaccountSid())
                        .put("whatsappSenderStatus", bought.whatsappSenderStatus()));
    }

    /** {@code POST .../embedded-signup}. */
    record SignupBody(String code, String phoneNumberId, String wabaId, String pin) {
        @Override
        public String toString() {
            return "SignupBody[phoneNumberId=" + phoneNumberId + ", wabaId=" + wabaId + ", code=***, pin=***]";
        }
    }

    /** {@code POST .../twilio-number}. */
    record TwilioBody(String country, String areaCode) {}
}
