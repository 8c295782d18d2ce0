package dev.realtime.bench.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of a JVM process, through {@code jcmd}: a full collection ({@code GC.run}) first, so that what is
 * left is what the process holds, then {@code GC.heap_info}. The used figures of every space it prints are added up
 * (Serial and Parallel print a young and an old generation, G1 one garbage-first heap; JDK 25's Serial names
 * them DefNew and Tenured).
 */
public final class JvmHeap {

    private static final Pattern HEAP_LINE = Pattern.compile(
            "^\\s*(def new generation|tenured generation|DefNew|Tenured|PSYoungGen|ParOldGen|garbage-first heap|"
                    + "Shenandoah|ZHeap|ZGC).*?used (\\d+)K", Pattern.MULTILINE);
    private static final Pattern G1_LINE = Pattern.compile("garbage-first heap\\s+total (?:reserved )?\\d+K, "
            + "(?:committed \\d+K, )?used (\\d+)K");

    private JvmHeap() {
    }

    /** Bytes of heap in use after a full collection. */
    public static long liveBytes(long pid) {
        run(pid, "GC.run");
        return usedBytes(run(pid, "GC.heap_info"));
    }

    /** The {@code jcmd GC.class_histogram} of the process, its largest entries first (as jcmd prints it). */
    public static String classHistogram(long pid, int lines) {
        String all = run(pid, "GC.class_histogram");
        return String.join("\n", all.lines().limit(lines + 3L).toList());
    }

    static long usedBytes(String heapInfo) {
        Matcher g1 = G1_LINE.matcher(heapInfo);
        if (g1.find()) {
            return Long.parseLong(g1.group(1)) * 1024;
        }
        long used = 0;
        Matcher matcher = HEAP_LINE.matcher(heapInfo);
        boolean any = false;
        while (matcher.find()) {
            used += Long.parseLong(matcher.group(2));
            any = true;
        }
        if (!any) {
            throw new IllegalStateException("no heap figure in jcmd GC.heap_info:\n" + heapInfo);
        }
        return used * 1024;
    }

    private static String run(long pid, String command) {
        List<String> line = new ArrayList<>(List.of(jcmd(), Long.toString(pid), command));
        try {
            Path out = Files.createTempFile("jcmd", ".txt");
            try {
                Process process = new ProcessBuilder(line).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("jcmd " + command + " on " + pid + " timed out");
                }
                String text = Files.readString(out, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("jcmd " + command + " on " + pid + " failed: " + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jcmd", e);
        }
    }

    /** The jcmd of the JDK this runs on: the one that can attach to the JVMs it started. */
    private static String jcmd() {
        Path candidate = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(candidate) ? candidate.toString() : "jcmd";
    }
}
