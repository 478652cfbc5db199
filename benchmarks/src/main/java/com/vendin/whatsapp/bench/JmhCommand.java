package com.vendin.whatsapp.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code benchmarks.jar jmh [JMH options]}: the JMH benchmarks of the hot path, same as {@code org.openjdk.jmh.Main}. */
@Command(name = "jmh", description = "Runs the JMH benchmarks (arguments go to JMH, e.g. -f 1 -wi 3 -i 5 Signature).")
final class JmhCommand implements Callable<Integer> {
    @Unmatched
    private List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(arguments.toArray(String[]::new));
        return 0;
    }
}
