package com.vendin.whatsapp.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SelftestCommandTest {

    @Test
    void givenNothingConfiguredWhenSelftestRunsThenItDrivesTheGatewayOnceAndPasses() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("selftest");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("selftest passed in \\d+ ms");
    }
}
