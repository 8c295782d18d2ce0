package dev.realtime.stack;

import java.nio.file.Path;

/** The {@code java} the children run on: the one running the launcher, so one JDK on the PATH is all it takes. */
final class JavaRuntime {

    private JavaRuntime() {
    }

    static String executable() {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }
}
