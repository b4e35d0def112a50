package io.jzmtp.perf.bench.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkerArgsTest {
    private static final String[] GOOD = {"--impl=jzmtp", "--workload=thr", "--transport=tcp", "--size=64",
        "--count=1000"};

    private static String[] with(String... more) {
        List<String> all = new ArrayList<>(List.of(GOOD));
        for (String m : more) {
            String name = m.substring(0, m.indexOf('=') + 1);
            all.removeIf(a -> a.startsWith(name));
            all.add(m);
        }
        return all.toArray(String[]::new);
    }

    @Test
    void everythingGivenInAnyOrder() throws Exception {
        WorkerArgs a = WorkerArgs.parse("--timeout=7.5", "--samples=/tmp/s.bin", "--mode=spin", "--warmup=3",
            "--count=42", "--size=1048576", "--transport=inproc", "--workload=lat", "--impl=jeromq");
        assertEquals(new WorkerArgs("jeromq", "lat", "inproc", 1 << 20, 42, 3, "spin", Path.of("/tmp/s.bin"), 7.5),
            a);
        assertTrue(a.spin());
    }

    @Test
    void defaults() throws Exception {
        WorkerArgs a = WorkerArgs.parse(GOOD);
        assertEquals(100, a.warmup());
        assertEquals("blocking", a.mode());
        assertFalse(a.spin());
        assertNull(a.samples());
        assertEquals(WorkerArgs.DEFAULT_TIMEOUT, a.timeoutSeconds());
        assertEquals(1, WorkerArgs.parse(with("--count=5")).warmup(), "count/10, at least 1");
        assertEquals(0, WorkerArgs.parse(with("--warmup=0")).warmup(), "an explicit 0 is kept");
    }

    @ParameterizedTest
    @CsvSource({"impl", "workload", "transport", "size", "count"})
    void missingRequiredArgumentIsNamed(String name) {
        List<String> args = new ArrayList<>(List.of(GOOD));
        args.removeIf(a -> a.startsWith("--" + name + "="));
        WorkerArgs.BadArgumentException e = assertThrows(WorkerArgs.BadArgumentException.class,
            () -> WorkerArgs.parse(args.toArray(String[]::new)));
        assertEquals("missing --" + name + "=...", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--size=abc       | --size=abc: expected a whole number from 1 to 268435456",
        "--size=0         | --size=0: expected a whole number from 1 to 268435456",
        "--size=268435457 | --size=268435457: expected a whole number from 1 to 268435456",
        "--count=-5       | --count=-5: expected a whole number from 1 up",
        "--count=1e6      | --count=1e6: expected a whole number from 1 up",
        "--warmup=x       | --warmup=x: expected a whole number from 0 up",
        "--impl=zmq       | --impl=zmq: expected one of jzmtp, jzmtp-msg, jzmtp-bytes, jzmtp-zc, jeromq",
        "--impl=libzmq    | --impl=libzmq: expected one of jzmtp, jzmtp-msg, jzmtp-bytes, jzmtp-zc, jeromq (libzmq is the C"
            + " worker's)",
        "--workload=pubsub | --workload=pubsub: expected one of thr, lat",
        "--transport=udp  | --transport=udp: expected one of tcp, ipc, inproc",
        "--mode=fast      | --mode=fast: expected one of blocking, spin",
        "--timeout=0      | --timeout=0: expected a number of seconds above 0 (at most 10000000)",
        "--timeout=soon   | --timeout=soon: expected a number of seconds above 0 (at most 10000000)",
        "--timeout=NaN    | --timeout=NaN: expected a number of seconds above 0 (at most 10000000)",
        "--samples=/tmp/x | --samples=/tmp/x: only for --workload=lat, not thr",
    })
    void badValueIsNamedWithWhatWasExpected(String arg, String message) {
        WorkerArgs.BadArgumentException e = assertThrows(WorkerArgs.BadArgumentException.class,
            () -> WorkerArgs.parse(with(arg)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theLentPayloadMeasuresThroughputOnly() {
        String[] args = with("--impl=jzmtp-zc", "--workload=lat");
        assertEquals("--impl=jzmtp-zc with --workload=lat: jzmtp-zc (a lent payload) measures thr only",
            assertThrows(WorkerArgs.BadArgumentException.class, () -> WorkerArgs.parse(args)).getMessage());
    }

    @Test
    void malformedUnknownAndRepeatedOptions() {
        assertEquals("argument 'impl=jzmtp': expected --name=value",
            assertThrows(WorkerArgs.BadArgumentException.class, () -> WorkerArgs.parse("impl=jzmtp")).getMessage());
        assertEquals("argument '--impl': expected --name=value",
            assertThrows(WorkerArgs.BadArgumentException.class, () -> WorkerArgs.parse("--impl")).getMessage());
        assertTrue(assertThrows(WorkerArgs.BadArgumentException.class, () -> WorkerArgs.parse(with("--hwm=5")))
            .getMessage().startsWith("unknown option --hwm: expected one of --impl, --workload"));
        String[] twice = with();
        String[] args = new String[twice.length + 1];
        System.arraycopy(twice, 0, args, 0, twice.length);
        args[twice.length] = "--size=32";
        assertEquals("--size given twice",
            assertThrows(WorkerArgs.BadArgumentException.class, () -> WorkerArgs.parse(args)).getMessage());
    }

    @Test
    void countAndWarmupMustNotOverflowTogether() {
        assertEquals("--count=" + Long.MAX_VALUE + " plus --warmup=1: the sum overflows",
            assertThrows(WorkerArgs.BadArgumentException.class,
                () -> WorkerArgs.parse(with("--count=" + Long.MAX_VALUE, "--warmup=1"))).getMessage());
    }

    @Test
    void samplesNeedACountThatFitsInMemory() {
        assertTrue(assertThrows(WorkerArgs.BadArgumentException.class,
            () -> WorkerArgs.parse(with("--workload=lat", "--count=" + (1L << 40), "--samples=/tmp/x")))
            .getMessage().startsWith("--count=1099511627776 with --samples: expected at most "));
    }
}
