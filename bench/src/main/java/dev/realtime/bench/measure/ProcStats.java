package dev.realtime.bench.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time and memory of a process on Linux, read from {@code /proc}. CPU is in clock ticks (100 per second here),
 * so a window must be seconds long for the figure to mean something.
 */
public final class ProcStats {

    /** {@code getconf CLK_TCK} on every Linux this runs on; the kernel exports times in these units. */
    public static final long TICKS_PER_SECOND = 100;

    private ProcStats() {
    }

    /**
     * CPU time of a process: all of it, and the part spent by the JIT compiler threads (HotSpot names them
     * {@code C1 CompilerThre}, {@code C2 CompilerThre}). With a short warm-up the compilers are a large share of a
     * JVM server's CPU, which is start-up cost, not the cost of a delivery.
     */
    public record Cpu(long totalTicks, long jitTicks) {

        public static final Cpu ZERO = new Cpu(0, 0);

        public Cpu minus(Cpu earlier) {
            return new Cpu(totalTicks - earlier.totalTicks, jitTicks - earlier.jitTicks);
        }

        public Cpu plus(Cpu other) {
            return new Cpu(totalTicks + other.totalTicks, jitTicks + other.jitTicks);
        }

        public long withoutJitTicks() {
            return totalTicks - jitTicks;
        }

        public double totalMicros() {
            return totalTicks * 1_000_000.0 / TICKS_PER_SECOND;
        }

        public double withoutJitMicros() {
            return withoutJitTicks() * 1_000_000.0 / TICKS_PER_SECOND;
        }
    }

    /** The process's CPU so far; {@link Cpu#ZERO} if it has gone. */
    public static Cpu cpu(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            long total = ticks(Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII));
            long jit = 0;
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
                for (Path task : tasks) {
                    try {
                        String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                        if (isCompilerThread(stat)) {
                            jit += ticks(stat);
                        }
                    } catch (NoSuchFileException ended) {
                        // the thread ended between the listing and the read
                    }
                }
            }
            return new Cpu(total, jit);
        } catch (NoSuchFileException gone) {
            return Cpu.ZERO;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid, e);
        }
    }

    /** The sum of {@link #cpu(long)} over several processes. */
    public static Cpu cpu(Iterable<Long> pids) {
        Cpu sum = Cpu.ZERO;
        for (long pid : pids) {
            sum = sum.plus(cpu(pid));
        }
        return sum;
    }

    /** Resident set size now, in bytes ({@code VmRSS}); 0 if the process has gone. */
    public static long rssBytes(long pid) {
        return statusKb(pid, "VmRSS:") * 1024;
    }

    /** The highest resident set size the process has had, in bytes ({@code VmHWM}). */
    public static long peakRssBytes(long pid) {
        return statusKb(pid, "VmHWM:") * 1024;
    }

    /** Whether the process is running. */
    public static boolean alive(long pid) {
        return Files.exists(Path.of("/proc", Long.toString(pid), "stat"));
    }

    static boolean isCompilerThread(String stat) {
        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        return comm.contains("CompilerThre") || comm.startsWith("JVMCI");
    }

    /** utime + stime: fields 14 and 15, counted after the command name, which may contain spaces. */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state)
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long statusKb(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
            return 0;
        } catch (NoSuchFileException gone) {
            return 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status", e);
        }
    }
}
