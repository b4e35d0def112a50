package io.jzmtp.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ResultLineTest {
    private static final String GOOD = "RESULT impl=jzmtp workload=thr transport=tcp mode=blocking size=64 "
        + "count=2000000 seconds=0.512345 cpu_seconds=0.98 alloc_bytes=1234 version=0.1.0-SNAPSHOT";

    @Test
    void parsesAGoodLine() throws Exception {
        RunResult r = ResultLine.parse(GOOD).toRunResult(null);
        assertEquals("jzmtp", r.impl());
        assertEquals("thr", r.workload());
        assertEquals("tcp", r.transport());
        assertEquals("blocking", r.mode());
        assertEquals(64, r.size());
        assertEquals(2_000_000L, r.count());
        assertEquals(0.512345, r.seconds(), 1e-12);
        assertEquals(0.98, r.cpuSeconds(), 1e-12);
        assertEquals(1234L, r.allocBytes());
        assertEquals("0.1.0-SNAPSHOT", r.version());
        assertNull(r.halfRoundTripNanos());
    }

    @Test
    void findsTheLineAmongFreeTextAndKeepsExtraKeys() throws Exception {
        String out = "warming up\nbound tcp://127.0.0.1:40001\n" + GOOD.replace("alloc_bytes=1234", "alloc_bytes=-1")
            + " extra=x\nbye\n";
        ResultLine line = ResultLine.find(out);
        assertEquals("x", line.values().get("extra"));
        assertEquals(-1L, line.toRunResult(null).allocBytes());
        assertTrue(Double.isNaN(line.toRunResult(null).allocatedBytesPerMessage()));
    }

    @Test
    void rejectsAMissingKey() {
        var e = assertThrows(ResultLine.MalformedResultException.class,
            () -> ResultLine.parse(GOOD.replace(" cpu_seconds=0.98", "")));
        assertTrue(e.getMessage().contains("cpu_seconds"), e.getMessage());
    }

    @Test
    void rejectsGarbage() {
        assertThrows(ResultLine.MalformedResultException.class, () -> ResultLine.find("Exception in thread main\n"));
        assertThrows(ResultLine.MalformedResultException.class, () -> ResultLine.find(""));
        assertThrows(ResultLine.MalformedResultException.class, () -> ResultLine.parse("RESULT garbage"));
        assertThrows(ResultLine.MalformedResultException.class, () -> ResultLine.parse("RESULT =x " + GOOD));
        assertThrows(ResultLine.MalformedResultException.class, () -> ResultLine.parse(GOOD + " size=65"));
        assertThrows(ResultLine.MalformedResultException.class, () -> ResultLine.parse("RESULTS " + GOOD));
        assertThrows(ResultLine.MalformedResultException.class, () -> ResultLine.find(GOOD + "\n" + GOOD));
    }

    @Test
    void rejectsBadNumbers() throws Exception {
        for (String bad : new String[] {GOOD.replace("count=2000000", "count=lots"),
            GOOD.replace("seconds=0.512345", "seconds=0"), GOOD.replace("seconds=0.512345", "seconds=NaN"),
            GOOD.replace("count=2000000", "count=0"), GOOD.replace("size=64", "size=-1"),
            GOOD.replace("alloc_bytes=1234", "alloc_bytes=1.5")}) {
            ResultLine line = ResultLine.parse(bad);
            assertThrows(ResultLine.MalformedResultException.class, () -> line.toRunResult(null), bad);
        }
    }
}
