package dev.realtime.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JvmHeapTest {

    @Test
    void addsTheGenerationsOfSerialGc() {
        String serial = """
                 def new generation   total 4928K, used 1178K [0x00000000e0000000, 0x00000000e0550000)
                  eden space 4416K,  26% used [0x00000000e0000000, 0x00000000e0126a88, 0x00000000e0450000)
                 tenured generation   total 10944K, used 3412K [0x00000000e5550000, 0x00000000e6000000)
                 Metaspace       used 1234K, committed 1408K, reserved 1114112K
                """;
        assertEquals((1178 + 3412) * 1024L, JvmHeap.usedBytes(serial));
    }

    @Test
    void addsTheGenerationsOfSerialGcAsJdk25NamesThem() {
        String serial = """
                DefNew     total 116224K, used 4134K [0x00000000e0000000, 0x00000000e7e10000, 0x00000000eaaa0000)
                 eden space 103360K,   4% used [0x00000000e0000000, 0x00000000e04099c8, 0x00000000e64f0000)
                Tenured    total 258048K, used 13729K [0x00000000eaaa0000, 0x00000000fa6a0000, 0x0000000100000000)
                 the  space 258048K,   5% used [0x00000000eaaa0000, 0x00000000eb8086f8, 0x00000000fa6a0000)
                """;
        assertEquals((4134 + 13729) * 1024L, JvmHeap.usedBytes(serial));
    }

    @Test
    void readsTheOneHeapOfG1() {
        String g1 = " garbage-first heap   total 262144K, used 3538K [0x0000000700000000, 0x0000000800000000)\n"
                + "  region size 1024K, 4 young (4096K), 0 survivors (0K)\n";
        assertEquals(3538 * 1024L, JvmHeap.usedBytes(g1));
    }
}
