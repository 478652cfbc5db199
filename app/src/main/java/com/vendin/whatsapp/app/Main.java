package com.vendin.whatsapp.app;

import com.vendin.whatsapp.app.cli.DemoCommand;
import com.vendin.whatsapp.app.cli.SelftestCommand;
import com.vendin.whatsapp.app.cli.ServeCommand;
import com.vendin.whatsapp.app.cli.SimulateCommand;
import com.vendin.whatsapp.app.startup.BackgroundPreinitializer;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar whatsapp-gateway.jar [serve]}: the command line of the gateway. */
@Command(
        name = "whatsapp-gateway",
        mixinStandardHelpOptions = true,
        version = "whatsapp-gateway 0.1.0",
        description = "Multi-tenant WhatsApp gateway for the Vendin platform. Configuration comes from environment "
                + "variables (see the README). Without a subcommand it runs 'serve'.",
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            SimulateCommand.class,
            SelftestCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        BackgroundPreinitializer.start();
        CommandLine commandLine = new CommandLine(new Main());
        int exit = commandLine.execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() {
        return new CommandLine(new ServeCommand()).execute();
    }
}
