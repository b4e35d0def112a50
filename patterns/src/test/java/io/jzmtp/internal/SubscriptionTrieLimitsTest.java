package io.jzmtp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile sizes for {@link SubscriptionTrie} (CVE-2021-20236: recursion over an attacker-sized subscription), churn,
 * and the allocation-free match path. Memory figures are published through the {@link TestReporter}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SubscriptionTrieLimitsTest {
    private static final int MIB = 1 << 20;
    /** Far below the default thread stack: any recursion over topic length or trie depth would overflow it. */
    private static final long SMALL_STACK = 256 * 1024;

    private final Object a = new Object();
    private final Object b = new Object();
    private final Object c = new Object();

    /** Runs {@code body} on a thread with a small stack and rethrows what it threw (StackOverflowError included). */
    private static void onSmallStack(Runnable body) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", SMALL_STACK);
        t.start();
        t.join();
        if (failure.get() instanceof Error e) {
            throw e;
        }
        if (failure.get() instanceof Exception e) {
            throw e;
        }
    }

    private static Set<Object> matched(SubscriptionTrie<Object> trie, byte[] msg, int length) {
        List<Object> got = new ArrayList<>();
        trie.match(new UnsafeBuffer(msg), 0, length, got::add);
        Set<Object> distinct = Set.copyOf(got);
        assertEquals(distinct.size(), got.size(), "reported once each");
        return distinct;
    }

    @Test
    @DisplayName("CVE-2021-20236: a 16 MiB topic: subscribe, split, match, cancel, disconnect, on a 256 KiB stack")
    void sixteenMebibyteTopic(TestReporter report) throws Exception {
        onSmallStack(() -> {
            SubscriptionTrie<Object> trie = new SubscriptionTrie<>();
            long empty = trie.memoryEstimate();
            byte[] topic = new byte[16 * MIB];
            for (int i = 0; i < topic.length; i++) {
                topic[i] = (byte) (i * 31 % 251);
            }
            byte[] msg = Arrays.copyOf(topic, topic.length + 1);

            assertTrue(trie.subscribe(a, topic, 0, topic.length));
            long one = trie.memoryEstimate() - empty;
            report.publishEntry("16 MiB topic, bytes", Long.toString(one));
            assertTrue(one >= 16 * MIB && one < 16 * MIB + 1024, "O(length) bytes: " + one);
            assertEquals(2, trie.nodeCount());

            assertTrue(trie.subscribe(b, topic, 0, 8 * MIB)); // splits the edge in the middle
            report.publishEntry("16 MiB topic + its 8 MiB prefix, bytes", Long.toString(trie.memoryEstimate() - empty));
            assertTrue(trie.memoryEstimate() - empty < 24 * MIB + 2048);
            assertEquals(3, trie.nodeCount());
            trie.checkInvariants();

            assertEquals(Set.of(a, b), matched(trie, msg, msg.length));
            assertEquals(Set.of(a, b), matched(trie, msg, topic.length));
            assertEquals(Set.of(b), matched(trie, msg, topic.length - 1));
            msg[topic.length - 1] ^= 1;
            assertEquals(Set.of(b), matched(trie, msg, msg.length));
            msg[8 * MIB - 1] ^= 1;
            assertEquals(Set.of(), matched(trie, msg, msg.length));
            assertFalse(trie.matchesAny(new UnsafeBuffer(msg), 0, msg.length));

            long split = trie.memoryEstimate();
            for (int i = 0; i < 1000; i++) { // split and merge a huge edge at its first byte: copies one byte each
                assertTrue(trie.subscribe(c, topic, 0, 1));
                assertTrue(trie.unsubscribe(c, topic, 0, 1));
            }
            assertEquals(split, trie.memoryEstimate());

            assertTrue(trie.unsubscribe(b, topic, 0, 8 * MIB));
            assertEquals(empty + one, trie.memoryEstimate(), "merged back into one label");
            trie.checkInvariants();

            List<byte[]> lost = new ArrayList<>();
            trie.removeAll(a, lost::add);
            assertEquals(1, lost.size());
            assertArrayEquals(topic, lost.get(0));
            assertEquals(empty, trie.memoryEstimate());

            assertTrue(trie.subscribe(a, topic, 0, topic.length));
            assertTrue(trie.unsubscribe(a, topic, 0, topic.length));
            assertEquals(empty, trie.memoryEstimate());
            assertEquals(1, trie.nodeCount());
        });
    }

    @Test
    @DisplayName("CVE-2021-20236: 20,000 nested prefixes (a trie 20,000 nodes deep) on a 256 KiB stack")
    void deepTrie() throws Exception {
        onSmallStack(() -> {
            int depth = 20_000;
            byte[] topic = new byte[depth];
            Arrays.fill(topic, (byte) 'A');
            SubscriptionTrie<Object> trie = new SubscriptionTrie<>();
            long empty = trie.memoryEstimate();
            for (int len = depth; len >= 1; len--) {
                assertTrue(trie.subscribe(a, topic, 0, len));
            }
            assertEquals(depth + 1, trie.nodeCount());
            trie.checkInvariants();
            assertEquals(Set.of(a), matched(trie, topic, depth));
            assertFalse(trie.subscribe(b, topic, 0, depth / 2));
            assertFalse(trie.unsubscribe(b, topic, 0, depth / 2));
            int[] lost = new int[1];
            trie.removeAll(a, p -> lost[0]++);
            assertEquals(depth, lost[0]);
            assertEquals(empty, trie.memoryEstimate());
            assertEquals(1, trie.nodeCount());
        });
    }

    @Test
    @DisplayName("100,000 distinct topics x 10 subscribers: memory proportional to total length, all removed on disconnect")
    void hundredThousandTopics(TestReporter report) {
        Random random = new Random(29);
        Set<String> seen = new HashSet<>();
        List<byte[]> topics = new ArrayList<>();
        long totalLength = 0;
        while (topics.size() < 100_000) {
            byte[] t = new byte[8 + random.nextInt(25)];
            random.nextBytes(t);
            if (seen.add(Arrays.toString(t))) {
                topics.add(t);
                totalLength += t.length;
            }
        }
        SubscriptionTrie<Object> trie = new SubscriptionTrie<>();
        long empty = trie.memoryEstimate();
        Object[] peers = new Object[10];
        for (int p = 0; p < peers.length; p++) {
            peers[p] = new Object();
            for (byte[] t : topics) {
                assertEquals(p == 0, trie.subscribe(peers[p], t, 0, t.length));
            }
            if (p == 0) {
                long mem = trie.memoryEstimate() - empty;
                report.publishEntry("100k topics, 1 subscriber: topic bytes / estimate",
                    totalLength + " / " + mem);
                assertTrue(mem < 4 * totalLength + 200L * topics.size(), "proportional: " + mem);
            }
        }
        long mem = trie.memoryEstimate() - empty;
        report.publishEntry("100k topics, 10 subscribers: estimate", Long.toString(mem));
        assertTrue(mem < 4 * totalLength + 600L * topics.size(), "proportional: " + mem);
        assertEquals(100_000, trie.size());
        trie.checkInvariants();
        for (int i = 0; i < topics.size(); i += 97) {
            byte[] msg = Arrays.copyOf(topics.get(i), topics.get(i).length + 3);
            assertEquals(Set.of(peers), matched(trie, msg, msg.length));
        }
        int[] lost = new int[1];
        for (Object p : peers) {
            trie.removeAll(p, prefix -> lost[0]++);
        }
        assertEquals(100_000, lost[0], "reported once, on the last disconnect");
        assertEquals(empty, trie.memoryEstimate());
        assertEquals(1, trie.nodeCount());
    }

    @Test
    @DisplayName("churn: 200,000 subscribe/cancel and 1,000 connect/disconnect cycles return memory to baseline")
    void churnReturnsToBaseline() {
        Random random = new Random(23);
        SubscriptionTrie<Object> trie = new SubscriptionTrie<>();
        List<byte[]> stable = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            byte[] t = randomTopic(random);
            stable.add(t);
            trie.subscribe(a, t, 0, t.length);
        }
        long baseline = trie.memoryEstimate();
        int nodes = trie.nodeCount();
        int size = trie.size();
        List<byte[]> batch = new ArrayList<>();
        List<byte[]> ofA = new ArrayList<>();
        for (int round = 0; round < 2000; round++) {
            for (int i = 0; i < 100; i++) { // new topics and prefixes of the stable ones, so edges split and merge
                byte[] t = random.nextBoolean() ? randomTopic(random)
                    : Arrays.copyOf(stable.get(random.nextInt(stable.size())), random.nextInt(12));
                batch.add(t);
                Object who = random.nextBoolean() ? a : b;
                trie.subscribe(who, t, 0, t.length);
                if (who == a) {
                    ofA.add(t);
                }
            }
            Collections.shuffle(batch, random);
            for (byte[] t : batch) {
                trie.subscribe(c, t, 0, t.length);
            }
            Collections.shuffle(ofA, random);
            for (byte[] t : ofA) {
                trie.unsubscribe(a, t, 0, t.length);
            }
            if (round % 2 == 0) {
                for (byte[] t : batch) {
                    trie.unsubscribe(c, t, 0, t.length);
                }
                trie.removeAll(b, null);
            } else {
                trie.removeAll(c, null);
                trie.removeAll(b, null);
            }
            batch.clear();
            ofA.clear();
        }
        trie.checkInvariants();
        assertEquals(size, trie.size());
        assertEquals(nodes, trie.nodeCount());
        assertEquals(baseline, trie.memoryEstimate());
    }

    private static byte[] randomTopic(Random random) {
        byte[] t = new byte[random.nextInt(16)];
        for (int i = 0; i < t.length; i++) {
            t[i] = (byte) "abc".charAt(random.nextInt(3));
        }
        return t;
    }

    /**
     * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()} of the platform bean, as a
     * {@code ()long} handle (no boxing). Looked up reflectively because the test sources compile inside module
     * io.jzmtp, which does not read jdk.management; tests run on the class path.
     */
    private static MethodHandle currentThreadAllocatedBytes() throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
            .invoke(null);
        Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
        type.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
        return MethodHandles.publicLookup()
            .findVirtual(type, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class))
            .bindTo(bean);
    }

    /** Counts reports without capturing anything per call. */
    private static final class Counter implements Consumer<Object> {
        long count;

        @Override
        public void accept(Object peer) {
            count++;
        }
    }

    @Test
    @DisplayName("rule 3: match and matchesAny allocate nothing in steady state (allocation counter, not timing)")
    void matchAllocatesNothing() throws Throwable {
        MethodHandle allocatedBytes = currentThreadAllocatedBytes();
        SubscriptionTrie<Object> trie = new SubscriptionTrie<>();
        Object[] peers = {a, b, c, new Object()};
        Random random = new Random(5);
        UnsafeBuffer[] messages = new UnsafeBuffer[64];
        for (int i = 0; i < 1000; i++) {
            byte[] t = new byte[random.nextInt(40)];
            random.nextBytes(t);
            trie.subscribe(peers[i % peers.length], t, 0, t.length);
            trie.subscribe(peers[(i + 1) % peers.length], t, 0, Math.min(3, t.length));
            if (i < messages.length) {
                messages[i] = new UnsafeBuffer(Arrays.copyOf(t, t.length + 20));
            }
        }
        trie.subscribe(a, new byte[0], 0, 0);
        Counter counter = new Counter();
        int[] hits = new int[1];
        Runnable run = () -> {
            for (int i = 0; i < 100_000; i++) {
                UnsafeBuffer m = messages[i & 63];
                trie.match(m, 0, m.capacity(), counter);
                if (trie.matchesAny(m, 1, m.capacity() - 1)) {
                    hits[0]++;
                }
            }
        };
        for (int warm = 0; warm < 5; warm++) {
            run.run();
        }
        counter.count = 0;
        long before = (long) allocatedBytes.invokeExact();
        run.run();
        long allocated = (long) allocatedBytes.invokeExact() - before;
        assertTrue(counter.count >= 200_000, "matches happened: " + counter.count);
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes in 100,000 matches");
    }
}
