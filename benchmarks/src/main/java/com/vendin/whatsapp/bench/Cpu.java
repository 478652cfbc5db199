package com.vendin.whatsapp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of a process (user + system, from {@code /proc/<pid>/stat}), to show how a phase split the
 * machine between the server and the runner (load generator and mocks).
 */
final class Cpu {
    private static final double TICKS_PER_SECOND = 100.0;

    private Cpu() {}

    /** CPU seconds used so far by process {@code pid}; 0 where {@code /proc} is not readable. */
    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy CPU seconds of the whole machine so far (all but idle and iowait in {@code /proc/stat}). */
    static double machineSeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A running account of the server's and the runner's CPU over one phase. */
    static final class Split {
        private final long serverPid;
        private final long startNanos = System.nanoTime();
        private final double server0;
        private final double runner0;
        private final double machine0 = machineSeconds();

        Split(long serverPid) {
            this.serverPid = serverPid;
            this.server0 = seconds(serverPid);
            this.runner0 = seconds(ProcessHandle.current().pid());
        }

        /** Cores used on average during the phase by the server and by the runner. */
        Map<String, Object> end() {
            double wall = (System.nanoTime() - startNanos) / 1e9;
            Map<String, Object> m = new LinkedHashMap<>();
            double server = (seconds(serverPid) - server0) / wall;
            double runner = (seconds(ProcessHandle.current().pid()) - runner0) / wall;
            double machine = (machineSeconds() - machine0) / wall;
            m.put("serverCores", GatewayRun.round(server, 2));
            m.put("runnerCores", GatewayRun.round(runner, 2));
            m.put("otherCores", GatewayRun.round(Math.max(0, machine - server - runner), 2));
            m.put("machineCores", Runtime.getRuntime().availableProcessors());
            return m;
        }
    }
}
