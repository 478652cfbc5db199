package com.vendin.whatsapp.app.cli;

import com.vendin.whatsapp.app.Gateway;
import com.vendin.whatsapp.app.config.ConfigException;
import com.vendin.whatsapp.app.config.GatewayConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the gateway until the process is stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the gateway: webhooks, admin API and delivery workers (the default command).")
public final class ServeCommand implements Callable<Integer> {
    static final int CONFIG_ERROR = 2;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        GatewayConfig config;
        try {
            config = GatewayConfig.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return CONFIG_ERROR;
        }
        Gateway gateway = Gateway.start(config);
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
}
