package io.jzmtp.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * {@link SubscriptionTrie} against a naive model {@code Map<prefix, Map<subscriber, count>>}: random sequences of
 * subscribe, unsubscribe, removeAll and match over a three-byte alphabet, so prefixes overlap a lot. After every
 * step the return values, match results, size and the trie's own invariants (memory accounting included) are
 * checked. Covers RFC 23-SUB-6 (prefix match), 23-SUB-7 (empty prefix), 23-SUB-8 (additive), 23-SUB-9 (counted),
 * and RFC 29 XPUB's first-subscribe / last-cancel / unsubscribe-on-disconnect rules.
 */
class SubscriptionTrieProperties {
    private static final int PEERS = 3;
    private static final int SUBSCRIBE = 0;
    private static final int UNSUBSCRIBE = 1;
    private static final int REMOVE_ALL = 2;
    private static final int MATCH = 3;

    /** A subscriber with value equality, so that only the trie's identity comparison keeps equal peers apart. */
    record Peer(int id) {
    }

    /** One step: on {@code base}'s first {@code cut} bytes plus {@code extra} (match only), at offset {@code pad}. */
    record Op(int kind, int peer, int base, int cut, byte[] extra, int pad) {
        @Override
        public String toString() {
            return List.of("sub", "unsub", "removeAll", "match").get(kind) + "(p" + peer + ", base" + base + "[:"
                + cut + "]" + (kind == MATCH ? "+" + Arrays.toString(extra) : "") + ")";
        }
    }

    private static Arbitrary<byte[]> topics(int maxLength) {
        return Arbitraries.of((byte) 0x00, (byte) 'A', (byte) 0xFF).array(byte[].class).ofMaxSize(maxLength);
    }

    @Provide
    Arbitrary<List<byte[]>> bases() {
        return topics(40).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 10)
            .map(i -> i < 4 ? SUBSCRIBE : i < 7 ? UNSUBSCRIBE : i < 8 ? REMOVE_ALL : MATCH);
        Arbitrary<Op> op = Combinators.combine(kind, Arbitraries.integers().between(0, PEERS - 1),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 41), topics(3),
                Arbitraries.integers().between(0, 3))
            .as(Op::new);
        return op.list().ofMaxSize(80);
    }

    @Property(tries = 1000)
    @Label("RFC 23-SUB-6..9, RFC 29: trie == model after every step; churn returns memory to the empty figure")
    void behavesLikeTheModel(@ForAll("bases") List<byte[]> bases, @ForAll("ops") List<Op> ops) {
        SubscriptionTrie<Peer> trie = new SubscriptionTrie<>();
        long empty = trie.memoryEstimate();
        Peer[] peers = new Peer[PEERS];
        for (int i = 0; i < PEERS; i++) {
            peers[i] = new Peer(i % 2); // peers 0 and 2 are equal(): only identity may tell them apart
        }
        Map<String, int[]> model = new HashMap<>();
        for (Op op : ops) {
            byte[] base = bases.get(op.base() % bases.size());
            String topic = new String(base, 0, Math.min(op.cut(), base.length), ISO_8859_1);
            byte[] padded = pad(topic, op.pad());
            int len = padded.length - 2 * op.pad();
            Peer p = peers[op.peer()];
            switch (op.kind()) {
                case SUBSCRIBE: {
                    int[] counts = model.computeIfAbsent(topic, t -> new int[PEERS]);
                    boolean first = Arrays.stream(counts).allMatch(c -> c == 0);
                    counts[op.peer()]++;
                    assertEquals(first, trie.subscribe(p, padded, op.pad(), len), op.toString());
                    break;
                }
                case UNSUBSCRIBE: {
                    int[] counts = model.get(topic);
                    boolean last = false;
                    if (counts != null && counts[op.peer()] > 0) {
                        counts[op.peer()]--;
                        last = Arrays.stream(counts).allMatch(c -> c == 0);
                        if (last) {
                            model.remove(topic);
                        }
                    }
                    assertEquals(last, trie.unsubscribe(p, padded, op.pad(), len), op.toString());
                    break;
                }
                case REMOVE_ALL: {
                    Set<String> expected = new HashSet<>();
                    model.entrySet().removeIf(e -> {
                        e.getValue()[op.peer()] = 0;
                        boolean orphan = Arrays.stream(e.getValue()).allMatch(c -> c == 0);
                        if (orphan) {
                            expected.add(e.getKey());
                        }
                        return orphan;
                    });
                    List<String> lost = new ArrayList<>();
                    trie.removeAll(p, prefix -> lost.add(new String(prefix, ISO_8859_1)));
                    assertEquals(expected.size(), lost.size(), "each lost prefix reported once");
                    assertEquals(expected, new HashSet<>(lost), op.toString());
                    break;
                }
                default: {
                    String msg = topic + new String(op.extra(), ISO_8859_1);
                    Set<Integer> expected = new HashSet<>();
                    model.forEach((prefix, counts) -> {
                        if (msg.startsWith(prefix)) {
                            for (int i = 0; i < PEERS; i++) {
                                if (counts[i] > 0) {
                                    expected.add(i);
                                }
                            }
                        }
                    });
                    byte[] m = pad(msg, op.pad());
                    UnsafeBuffer buf = new UnsafeBuffer(m);
                    List<Integer> got = new ArrayList<>();
                    trie.match(buf, op.pad(), msg.length(), peer -> got.add(indexOf(peers, peer)));
                    assertEquals(expected.size(), got.size(), "each subscriber reported once: " + got);
                    assertEquals(expected, new HashSet<>(got), op + " msg=" + Arrays.toString(m));
                    assertEquals(!expected.isEmpty(), trie.matchesAny(buf, op.pad(), msg.length()));
                }
            }
            assertEquals(model.size(), trie.size(), "size after " + op);
            trie.checkInvariants();
        }
        for (Peer p : peers) {
            trie.removeAll(p, null);
        }
        trie.checkInvariants();
        assertEquals(0, trie.size());
        assertEquals(1, trie.nodeCount());
        assertEquals(empty, trie.memoryEstimate());
    }

    @Property(tries = 300)
    @Label("cancelling every subscription, in any order, prunes the trie back to the root")
    void cancelAllPrunesEverything(@ForAll("bases") List<byte[]> bases, @ForAll("ops") List<Op> ops) {
        SubscriptionTrie<Peer> trie = new SubscriptionTrie<>();
        long empty = trie.memoryEstimate();
        Peer peer = new Peer(0);
        List<byte[]> held = new ArrayList<>();
        for (Op op : ops) {
            byte[] base = bases.get(op.base() % bases.size());
            byte[] topic = Arrays.copyOf(base, Math.min(op.cut(), base.length));
            trie.subscribe(peer, topic, 0, topic.length);
            held.add(topic);
        }
        // cancel in an order unrelated to insertion
        held.sort((x, y) -> Integer.compare(Arrays.hashCode(x), Arrays.hashCode(y)));
        for (byte[] t : held) {
            assertTrue(trie.size() > 0);
            trie.unsubscribe(peer, t, 0, t.length);
            trie.checkInvariants();
        }
        assertEquals(0, trie.size());
        assertEquals(1, trie.nodeCount());
        assertEquals(empty, trie.memoryEstimate());
    }

    private static byte[] pad(String s, int pad) {
        byte[] body = s.getBytes(ISO_8859_1);
        byte[] out = new byte[body.length + 2 * pad];
        Arrays.fill(out, (byte) 'A'); // padding that would extend a prefix if read by mistake
        System.arraycopy(body, 0, out, pad, body.length);
        return out;
    }

    private static int indexOf(Peer[] peers, Peer p) {
        for (int i = 0; i < peers.length; i++) {
            if (peers[i] == p) {
                return i;
            }
        }
        throw new AssertionError("unknown peer " + p);
    }
}
