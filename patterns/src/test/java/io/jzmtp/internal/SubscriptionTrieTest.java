package io.jzmtp.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Examples for {@link SubscriptionTrie}; RFC clause IDs from spec/CONFORMANCE.md. */
class SubscriptionTrieTest {
    private final SubscriptionTrie<String> trie = new SubscriptionTrie<>();
    // distinct instances: the trie compares subscribers by identity
    private final String a = new String("a");
    private final String b = new String("b");

    static byte[] bytes(String s) {
        return s.getBytes(ISO_8859_1);
    }

    private boolean sub(String who, String topic) {
        byte[] t = bytes(topic);
        boolean first = trie.subscribe(who, t, 0, t.length);
        trie.checkInvariants();
        return first;
    }

    private boolean unsub(String who, String topic) {
        byte[] t = bytes(topic);
        boolean last = trie.unsubscribe(who, t, 0, t.length);
        trie.checkInvariants();
        return last;
    }

    /** Matched subscribers, in report order (duplicates kept, so a test can see them). */
    private List<String> match(String msg) {
        List<String> out = new ArrayList<>();
        byte[] m = bytes(msg);
        trie.match(new UnsafeBuffer(m), 0, m.length, out::add);
        assertEquals(!out.isEmpty(), trie.matchesAny(new UnsafeBuffer(m), 0, m.length));
        return out;
    }

    @Test
    @DisplayName("23-SUB-7: the empty subscription matches every message, the empty one included")
    void emptyTopicMatchesEverything() {
        assertTrue(sub(a, ""));
        assertEquals(List.of(a), match(""));
        assertEquals(List.of(a), match("anything"));
        assertEquals(List.of(a), match("\u0000\u00ff"));
        assertEquals(1, trie.size());
    }

    @Test
    @DisplayName("23-SUB-6: prefix match on the message's bytes")
    void prefixMatch() {
        sub(a, "AB");
        assertEquals(List.of(a), match("AB"));
        assertEquals(List.of(a), match("ABC"));
        assertEquals(List.of(), match("A"));
        assertEquals(List.of(), match("AC"));
        assertEquals(List.of(), match(""));
        assertEquals(List.of(), match("BAB"));
    }

    @Test
    @DisplayName("with no subscription, nothing matches")
    void emptyTrieMatchesNothing() {
        assertEquals(List.of(), match(""));
        assertEquals(List.of(), match("A"));
    }

    @Test
    @DisplayName("23-SUB-9: subscribing to \"A\" twice needs two cancels")
    void twiceNeedsTwoCancels() {
        assertTrue(sub(a, "A"));
        assertFalse(sub(a, "A"));
        assertFalse(unsub(a, "A"));
        assertEquals(List.of(a), match("A1"));
        assertTrue(unsub(a, "A"));
        assertEquals(List.of(), match("A1"));
        assertFalse(unsub(a, "A"));
        assertEquals(0, trie.size());
    }

    @Test
    @DisplayName("23-SUB-8: subscriptions are additive; \"A\" plus \"\" behaves like \"\" alone")
    void additive() {
        sub(a, "A");
        sub(a, "");
        assertEquals(List.of(a), match("A"));
        assertEquals(List.of(a), match("B"));
        assertEquals(List.of(a), match(""));
    }

    @Test
    @DisplayName("overlapping prefixes A, AB, ABC: matches, first/last flags, and pruning back to the root")
    void overlappingPrefixes() {
        assertTrue(sub(a, "ABC"));
        assertTrue(sub(b, "A"));
        assertTrue(sub(a, "AB"));
        assertFalse(sub(b, "AB"));
        assertEquals(3, trie.size());
        assertEquals(Set.of(a, b), Set.copyOf(match("ABCD")));
        assertEquals(List.of(b), match("AX"));
        assertEquals(Set.of(a, b), Set.copyOf(match("AB")));
        assertFalse(unsub(a, "AB"));
        assertTrue(unsub(b, "AB"));
        assertEquals(3, trie.nodeCount()); // root, "A", "BC"
        assertTrue(unsub(b, "A"));
        assertEquals(2, trie.nodeCount()); // root, "ABC"
        assertEquals(List.of(a), match("ABC"));
        assertEquals(List.of(), match("AB"));
        assertTrue(unsub(a, "ABC"));
        assertEquals(1, trie.nodeCount());
        assertEquals(0, trie.size());
    }

    @Test
    @DisplayName("RFC 29 PUB: a subscriber matching through three prefixes gets the message once")
    void reportedOncePerMatch() {
        sub(a, "");
        sub(a, "to");
        sub(a, "topic");
        sub(b, "top");
        assertEquals(List.of(a), match("tox"));
        List<String> got = match("topics");
        assertEquals(2, got.size());
        assertEquals(Set.of(a, b), Set.copyOf(got));
        assertEquals(2, match("topic").size()); // and again on the next call (new epoch)
    }

    @Test
    @DisplayName("RFC 29 XPUB: only the first subscribe and the last cancel of a prefix, across subscribers, are flagged")
    void firstAndLastAcrossSubscribers() {
        assertTrue(sub(a, "T"));
        assertFalse(sub(b, "T"));
        assertFalse(sub(a, "T"));
        assertFalse(unsub(b, "T"));
        assertFalse(unsub(a, "T"));
        assertTrue(unsub(a, "T"));
    }

    @Test
    @DisplayName("cancelling what was never subscribed is a no-op")
    void unsubscribeUnknownIsNoop() {
        assertFalse(unsub(a, "A"));
        sub(a, "AB");
        long mem = trie.memoryEstimate();
        assertFalse(unsub(b, "AB")); // unknown subscriber
        assertFalse(unsub(a, "A")); // inner point of an edge
        assertFalse(unsub(a, "ABC")); // past a leaf
        assertFalse(unsub(a, "")); // root, not subscribed
        sub(b, "X");
        assertFalse(unsub(b, "AB")); // known subscriber, prefix held by another
        assertTrue(unsub(b, "X"));
        assertEquals(mem, trie.memoryEstimate());
        assertEquals(List.of(a), match("ABC"));
    }

    @Test
    @DisplayName("RFC 29 XPUB: a disconnect drops its subscriptions and reports the prefixes left with none")
    void removeAllReportsOrphanedPrefixes() {
        sub(a, "A");
        sub(a, "A");
        sub(a, "AB");
        sub(a, "");
        sub(b, "AB");
        sub(b, "Q");
        Set<String> lost = new TreeSet<>();
        trie.removeAll(a, p -> assertTrue(lost.add(new String(p, ISO_8859_1))));
        trie.checkInvariants();
        assertEquals(Set.of("", "A"), lost);
        assertEquals(2, trie.size());
        assertEquals(List.of(b), match("ABC"));
        assertEquals(List.of(), match("A"));
        assertFalse(unsub(a, "A"));
        trie.removeAll(a, p -> lost.add("again"));
        assertEquals(2, lost.size());
        trie.removeAll(b, null);
        trie.checkInvariants();
        assertEquals(1, trie.nodeCount());
    }

    @Test
    @DisplayName("children are ordered by unsigned byte: 0x00, 0x7f, 0x80 and 0xff all route")
    void unsignedChildOrder() {
        String[] topics = {"\u00ff", "\u0080x", "\u007f", "\u0000", "\u0080", "\u00ffz\u0000"};
        for (String t : topics) {
            sub(a, t);
        }
        for (String t : topics) {
            assertEquals(List.of(a), match(t + "tail"), t);
        }
        assertEquals(List.of(), match("\u0001"));
        assertEquals(List.of(), match("\u0081"));
    }

    @Test
    @DisplayName("offsets: topic and message are read from within larger arrays")
    void offsets() {
        byte[] topic = bytes("xxABCyy");
        assertTrue(trie.subscribe(a, topic, 2, 2));
        byte[] msg = bytes("..ABZ..");
        List<String> got = new ArrayList<>();
        trie.match(new UnsafeBuffer(msg), 2, 3, got::add);
        assertEquals(List.of(a), got);
        assertFalse(trie.matchesAny(new UnsafeBuffer(msg), 2, 1)); // "A" is shorter than the prefix
        assertTrue(trie.unsubscribe(a, bytes("AB"), 0, 2));
    }

    @Test
    @DisplayName("misuse: a range outside the topic array, a null subscriber")
    void misuse() {
        assertThrows(IndexOutOfBoundsException.class, () -> trie.subscribe(a, new byte[2], 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> trie.unsubscribe(a, new byte[2], -1, 1));
        assertThrows(NullPointerException.class, () -> trie.subscribe(null, new byte[0], 0, 0));
        trie.checkInvariants();
        assertEquals(0, trie.size());
    }

    @Test
    @DisplayName("clear drops everything and returns memory to the empty figure")
    void clear() {
        long empty = trie.memoryEstimate();
        sub(a, "A");
        sub(b, "");
        trie.clear();
        trie.checkInvariants();
        assertEquals(0, trie.size());
        assertEquals(empty, trie.memoryEstimate());
        assertEquals(List.of(), match("A"));
        assertTrue(sub(a, "A"));
    }
}
