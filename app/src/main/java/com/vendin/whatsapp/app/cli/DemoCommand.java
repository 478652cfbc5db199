package com.vendin.whatsapp.app.cli;

import com.vendin.whatsapp.app.Gateway;
import com.vendin.whatsapp.app.config.ConfigException;
import com.vendin.whatsapp.app.config.GatewayConfig;
import com.vendin.whatsapp.app.demo.DemoModule;
import com.vendin.whatsapp.app.demo.DemoSeed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the gateway with the seed's three stores, built-in agents and a sandbox instead of Meta. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run a self-contained demo: three stores with built-in agents, replies recorded instead of sent.")
public final class DemoCommand implements Callable<Integer> {
    static final String APP_SECRET = "demo-app-secret";
    static final String PLATFORM_NUMBER = "+15550000000";
    static final String TWILIO_ACCOUNT_SID = "AC00000000000000000000000000000de0";
    static final String TWILIO_AUTH_TOKEN = "demo-twilio-auth-token";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        Map<String, String> env = demoEnvironment(System.getenv(), Files.createTempDirectory("whatsapp-gateway-demo"));
        GatewayConfig config;
        try {
            config = GatewayConfig.fromEnvironment(env);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return ServeCommand.CONFIG_ERROR;
        }
        Gateway gateway = Gateway.start(config, List.of(new DemoModule()));
        DemoSeed.seed(gateway);
        printInstructions(
                spec.commandLine().getOut(),
                gateway.port(),
                env.get("GATEWAY_ADMIN_TOKEN"),
                env.get("FACEBOOK_APP_SECRET"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            gateway.close();
                            stopped.countDown();
                        },
                        "shutdown"));
        stopped.await();
        return 0;
    }

    /** The demo's settings: the caller's environment where it sets something, embedded defaults elsewhere. */
    static Map<String, String> demoEnvironment(Map<String, String> given, Path dir) {
        Map<String, String> env = new HashMap<>(given);
        env.putIfAbsent("GATEWAY_PORT", "8080");
        env.putIfAbsent("GATEWAY_DATABASE_URL", "jdbc:sqlite:" + dir.resolve("demo.db"));
        env.putIfAbsent("GATEWAY_ADMIN_TOKEN", "demo-" + randomHex());
        env.putIfAbsent("FACEBOOK_APP_SECRET", APP_SECRET);
        env.putIfAbsent("FACEBOOK_WEBHOOK_VERIFY_TOKEN", "demo-verify-token");
        env.putIfAbsent("VENDIN_WHATSAPP_NUMBER", PLATFORM_NUMBER);
        env.putIfAbsent("VENDIN_WHATSAPP_PHONE_ID", "100000000000000");
        env.putIfAbsent("VENDIN_WHATSAPP_ACCESS_TOKEN", "sandbox");
        env.put("WHATSAPP_PROVIDER", "facebook");
        env.putIfAbsent("TWILIO_ACCOUNT_SID", TWILIO_ACCOUNT_SID);
        env.putIfAbsent("TWILIO_AUTH_TOKEN", TWILIO_AUTH_TOKEN);
        return env;
    }

    private static void printInstructions(PrintWriter out, int port, String adminToken, String appSecret) {
        String base = "http://localhost:" + port;
        out.println();
        out.println("WhatsApp gateway demo running on " + base + " (replies are recorded, nothing goes to Meta)");
        out.println();
        out.println("Stores (number -> owner's phone):");
        for (DemoSeed.Store store : DemoSeed.STORES) {
            out.printf(
                    "  %-12s %s (%s)   owner %s%n",
                    store.name(), store.number(), store.provider().wireName(), store.owner());
        }
        out.println();
        out.println("Try next, in another terminal:");
        String jar = "java -jar app/target/whatsapp-gateway.jar";
        String secret = DemoCommand.APP_SECRET.equals(appSecret) ? "" : " --app-secret <FACEBOOK_APP_SECRET>";
        out.println(
                "  " + jar + " simulate --gateway " + base + secret
                        + " --to +5511999911111 --from +5511988887777 \"Olá\"   # Moda Brasil answers with a photo and buttons");
        out.println("  " + jar + " simulate --gateway " + base + secret
                + " --to +5511999922222 --from +5511955554444 \"Tem fone bluetooth?\"   # Tech Store's agent answers"
                + " a few seconds later through the send API");
        out.println("  " + jar + " simulate --gateway " + base + secret + " --to " + PLATFORM_NUMBER
                + " --from +5511977773333 \"Como foram as vendas?\"   # an owner writing to the platform number");
        out.println(
                "  " + jar + " simulate --provider twilio --gateway " + base
                        + " --to +5511999933333 --from +5511966665555 \"Oi pelo Twilio\"   # a signed Twilio webhook to Cafe Aroma");
        out.println("  open " + base + "/console   and sign in with the admin token " + adminToken);
        out.println("  curl -H 'Authorization: Bearer " + adminToken + "' " + base + "/api/v1/tenants");
        out.println("  curl " + base + "/metrics");
        out.println("Stop with Ctrl-C (the demo database is temporary).");
        out.flush();
    }

    private static String randomHex() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
