package dev.realtime.stack;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The launcher's own progress lines, on standard output with a time and a {@code [stack]} prefix so that they
 * stand out among a test run's output. Children never write here: each has its own log file.
 */
public final class StackLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private StackLog() {
    }

    public static void info(String format, Object... args) {
        print(System.out, "", format, args);
    }

    public static void warn(String format, Object... args) {
        print(System.err, "WARN ", format, args);
    }

    private static void print(PrintStream out, String level, String format, Object... args) {
        out.println(LocalTime.now().format(TIME) + " [stack] " + level + String.format(format, args));
        out.flush();
    }
}
