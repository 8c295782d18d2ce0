package dev.realtime.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatsTest {

    // a thread's stat line whose command name has a space and a parenthesis in it
    private static final String COMPILER = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194368 100 0 0 0 "
            + "731 29 0 0 20 0 40 0 100 0 0";
    private static final String WORKER = "4243 (vert.x (loop) 1) R 1 4242 4242 0 -1 4194368 100 0 0 0 "
            + "15 5 0 0 20 0 40 0 100 0 0";

    @Test
    void readsUserPlusSystemTicks() {
        assertEquals(760, ProcStats.ticks(COMPILER));
        assertEquals(20, ProcStats.ticks(WORKER));
    }

    @Test
    void tellsTheJitCompilerThreadsApart() {
        assertTrue(ProcStats.isCompilerThread(COMPILER));
        assertFalse(ProcStats.isCompilerThread(WORKER));
    }

    @Test
    void readsItsOwnProcess() {
        long pid = ProcessHandle.current().pid();
        assertTrue(ProcStats.cpu(pid).totalTicks() > 0);
        assertTrue(ProcStats.rssBytes(pid) > 0);
        assertTrue(ProcStats.peakRssBytes(pid) >= ProcStats.rssBytes(pid) / 2);
    }
}
