package dev.realtime.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs({ OS.LINUX, OS.MAC })
class ManagedProcessTest {

    @TempDir
    Path dir;

    @Test
    void stopEndsTheChildAndRemovesItsPidFile() {
        Path pidFile = dir.resolve("run/sleeper.pid");
        ManagedProcess child = ManagedProcess.start("sleeper", List.of("sh", "-c", "echo hello; sleep 60"),
                dir.resolve("logs/sleeper.log"), pidFile);
        assertTrue(child.isAlive());
        assertTrue(Files.isRegularFile(pidFile));

        child.stop(Duration.ofSeconds(10));

        assertFalse(child.isAlive());
        assertFalse(Files.exists(pidFile));
    }

    @Test
    void aLeftoverIsStoppedOnlyIfItCarriesTheMarker() throws IOException {
        Path pidFile = dir.resolve("run/leftover.pid");
        // the marker is an argument, so it shows in the command line as a stack child's -D property does
        List<String> command = List.of("sh", "-c", "sleep 60", "rt.stack.work-dir=" + dir);
        ManagedProcess leftover = ManagedProcess.start("leftover", command, dir.resolve("logs/leftover.log"), pidFile);
        try {
            String pid = Files.readString(pidFile);

            ManagedProcess.stopLeftover(pidFile, "rt.stack.work-dir=/somewhere/else");
            assertTrue(leftover.isAlive(), "a process of another stack is left alone");

            Files.writeString(pidFile, pid);
            ManagedProcess.stopLeftover(pidFile, "rt.stack.work-dir=" + dir);
            assertFalse(leftover.isAlive(), "this stack's leftover is stopped");
            assertFalse(Files.exists(pidFile));
        } finally {
            leftover.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void tailReturnsTheLastLines() throws IOException {
        Path log = dir.resolve("many.log");
        Files.write(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).toList());
        assertEquals(IntStream.rangeClosed(98, 100).mapToObj(i -> "line " + i)
                .collect(Collectors.joining(System.lineSeparator())), ManagedProcess.tail(log, 3));
    }
}
