package io.jzmtp.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.function.Consumer;
import org.agrona.DirectBuffer;

/**
 * Prefix subscriptions of a publisher (PUB, XPUB) or a subscriber's local filter (SUB, XSUB): maps byte-string
 * prefixes to counted sets of subscribers and finds, for a message, every subscriber with a subscription that is a
 * prefix of it (RFC 23-SUB-6; the empty prefix matches every message, 23-SUB-7). Subscriptions are counted, not
 * idempotent (23-SUB-9): subscribing twice needs two cancels. Subscribers are opaque and compared by identity.
 *
 * <p><b>Structure.</b> A radix (path-compressed) trie: every edge carries a byte-sequence label, so one topic of
 * length L costs O(L) bytes in O(1) nodes. Every non-root node has a subscription or at least two children; nodes
 * that lose both are pruned, and a node left with one child and no subscription is merged into that child, so
 * subscribe/cancel churn does not grow memory. Children are kept in small arrays sorted by unsigned first byte
 * (binary search, at most 256 entries; capacity the next power of two, so it is a function of the count). Each
 * (subscriber, prefix) pair is one slot object on two doubly-linked lists, the node's and the subscriber's, so
 * adding or removing one is O(1) once found and no slot array keeps capacity after churn. Each node owns
 * its label array exclusively; a split copies only the shorter half and leaves slack in the array, which the
 * matching merge refills in place, and an array more than twice its label (plus 64 bytes) is compacted. Every
 * operation is a loop: nothing here recurses, whatever the topic length or trie depth (CVE-2021-20236).
 *
 * <p><b>Complexity</b> (L: topic or message length, d: nodes on the path, at most L + 1, k: subscribers of the
 * prefix, m: prefixes held by the subscriber):
 * <ul>
 *   <li>{@link #subscribe}, {@link #unsubscribe}: O(L + d log 256 + min(k, m)) time; a split or merge copies at
 *       most the shorter of the two labels involved (a compaction at most the longer); allocates control-path
 *       objects (nodes, labels, child arrays, slots).
 *   <li>{@link #removeAll}: O(m) plus O(L) per reported prefix (the reported array is built from the path).
 *   <li>{@link #match}, {@link #matchesAny}: O(L + d log 256 + subscriber slots on the path); allocate nothing;
 *       each subscriber is reported once per call (an epoch stamped on its entry, no visit set).
 *   <li>Memory: O(total bytes of the distinct prefixes' labels + nodes + (subscriber, prefix) pairs); about 48
 *       bytes per node plus its label and child arrays, 48 per pair, 48 per subscriber; see
 *       {@link #memoryEstimate()}.
 * </ul>
 *
 * <p><b>Threads.</b> Owned by one socket thread; not thread-safe. Callbacks ({@code each}, {@code lost}) run on
 * the calling thread and must not call back into this trie.
 *
 * @param <P> the subscriber type (a peer), compared by identity
 */
public final class SubscriptionTrie<P> {
    private static final byte[] EMPTY = new byte[0];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NODE_BYTES = 48;
    private static final long SLOT_BYTES = 48;
    private static final long SUBSCRIBER_BYTES = 48; // the entry object plus its share of the identity map
    private static final long FIXED_BYTES = 96; // this object and the empty map
    private static final int SLACK = 64;
    private static final int NONE = Integer.MAX_VALUE;

    /** A trie node: the label of the edge leading to it, its children, and its subscriber slots. */
    private static final class Node {
        Node parent;
        byte[] label = EMPTY; // label bytes are label[off, off + len); the rest of the array is slack
        int off;
        int len;
        byte[] keys; // first label byte of each child, sorted unsigned
        Node[] kids;
        int nkids;
        Slot slots; // this prefix's subscribers
        int nsubs;
    }

    /** A subscriber's entry: its identity, the match epoch it was last reported in, and its subscriptions. */
    private static final class Subscriber {
        final Object owner;
        long epoch;
        Slot slots;
        int n;

        Subscriber(Object owner) {
            this.owner = owner;
        }
    }

    /** One subscriber's subscriptions to one prefix, linked into both the node's and the subscriber's list. */
    private static final class Slot {
        final Subscriber sub;
        final Node node;
        long count = 1;
        Slot prevInNode;
        Slot nextInNode;
        Slot prevOfSub;
        Slot nextOfSub;

        Slot(Subscriber sub, Node node) {
            this.sub = sub;
            this.node = node;
        }
    }

    private final IdentityHashMap<Object, Subscriber> subscribers = new IdentityHashMap<>();
    private Node root = new Node();
    private int size;
    private long memory = FIXED_BYTES + nodeBytes(root);
    private long epoch;

    /**
     * Adds one subscription of {@code subscriber} to the prefix {@code topic[offset, offset + length)}. Control
     * path: allocates; socket thread only.
     *
     * @return true if this is the first subscription to that exact prefix across all subscribers (RFC 29 XPUB
     *     passes only that one upstream)
     * @throws IndexOutOfBoundsException if the range is outside {@code topic}
     */
    public boolean subscribe(P subscriber, byte[] topic, int offset, int length) {
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.checkFromIndexSize(offset, length, topic.length);
        Subscriber sub = subscribers.get(subscriber);
        if (sub == null) {
            sub = new Subscriber(subscriber);
            subscribers.put(subscriber, sub);
            memory += SUBSCRIBER_BYTES;
        }
        Node node = insert(topic, offset, length);
        Slot slot = slotOf(node, sub);
        if (slot != null) {
            slot.count++; // RFC 23-SUB-9: counted, not idempotent
            return false;
        }
        addSlot(node, sub);
        if (node.nsubs == 1) {
            size++;
            return true;
        }
        return false;
    }

    /**
     * Removes one subscription of {@code subscriber} to exactly this prefix; a no-op if it has none. Control path:
     * may allocate (shrinking arrays, merging labels); socket thread only.
     *
     * @return true if this removed the last subscription to that exact prefix across all subscribers
     * @throws IndexOutOfBoundsException if the range is outside {@code topic}
     */
    public boolean unsubscribe(P subscriber, byte[] topic, int offset, int length) {
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.checkFromIndexSize(offset, length, topic.length);
        Subscriber sub = subscribers.get(subscriber);
        Node node = sub == null ? null : find(topic, offset, length);
        Slot slot = node == null ? null : slotOf(node, sub);
        if (slot == null || --slot.count > 0) {
            return false;
        }
        removeSlot(slot);
        if (sub.n == 0) {
            subscribers.remove(subscriber);
            memory -= SUBSCRIBER_BYTES;
        }
        if (node.nsubs > 0) {
            return false;
        }
        size--;
        prune(node);
        return true;
    }

    /**
     * Drops every subscription of {@code subscriber} (it disconnected). Control path: allocates one array per
     * reported prefix; socket thread only.
     *
     * @param lost receives, once each, every prefix that thereby lost its last subscriber (a new array the
     *     callee may keep); null to report nothing
     */
    public void removeAll(P subscriber, Consumer<byte[]> lost) {
        Subscriber sub = subscribers.remove(subscriber);
        if (sub == null) {
            return;
        }
        while (sub.slots != null) {
            Node node = sub.slots.node;
            removeSlot(sub.slots);
            if (node.nsubs == 0) {
                size--;
                byte[] prefix = lost == null ? null : prefixOf(node);
                prune(node);
                if (prefix != null) {
                    lost.accept(prefix);
                }
            }
        }
        memory -= SUBSCRIBER_BYTES;
    }

    /**
     * Calls {@code each} once for every distinct subscriber with a subscription that is a prefix of
     * {@code msg[offset, offset + length)}. Data path: allocates nothing; socket thread only; {@code each} must not
     * call back into this trie.
     */
    public void match(DirectBuffer msg, int offset, int length, Consumer<? super P> each) {
        long e = ++epoch;
        Node node = root;
        int pos = 0;
        while (true) {
            for (Slot s = node.slots; s != null; s = s.nextInNode) {
                Subscriber sub = s.sub;
                if (sub.epoch != e) {
                    sub.epoch = e;
                    each.accept(owner(sub));
                }
            }
            Node child = next(node, msg, offset, length, pos);
            if (child == null) {
                return;
            }
            pos += child.len;
            node = child;
        }
    }

    /**
     * @return whether any subscription is a prefix of {@code msg[offset, offset + length)} (SUB-side filtering).
     *     Data path: allocates nothing; socket thread only.
     */
    public boolean matchesAny(DirectBuffer msg, int offset, int length) {
        Node node = root;
        int pos = 0;
        while (node.nsubs == 0) {
            node = next(node, msg, offset, length, pos);
            if (node == null) {
                return false;
            }
            pos += node.len;
        }
        return true;
    }

    /** @return the number of distinct prefixes with at least one subscription */
    public int size() {
        return size;
    }

    /** @return a rough estimate of the bytes this trie holds (nodes, labels, slots, subscriber entries) */
    public long memoryEstimate() {
        return memory;
    }

    /** Drops every subscription, reporting nothing. */
    public void clear() {
        subscribers.clear();
        root = new Node();
        size = 0;
        memory = FIXED_BYTES + nodeBytes(root);
    }

    @SuppressWarnings("unchecked")
    private P owner(Subscriber s) {
        return (P) s.owner;
    }

    /** The child of {@code node} whose whole label matches the message at {@code pos}, or null. */
    private static Node next(Node node, DirectBuffer msg, int offset, int length, int pos) {
        if (pos >= length || node.nkids == 0) {
            return null;
        }
        int idx = childIndex(node, msg.getByte(offset + pos) & 0xFF);
        if (idx < 0) {
            return null;
        }
        Node child = node.kids[idx];
        return child.len <= length - pos && labelMatches(child, msg, offset + pos) ? child : null;
    }

    private static boolean labelMatches(Node n, DirectBuffer msg, int at) {
        byte[] a = n.label;
        int o = n.off;
        int len = n.len;
        int i = 0;
        for (; i + Long.BYTES <= len; i += Long.BYTES) {
            if ((long) LONGS.get(a, o + i) != msg.getLong(at + i, ByteOrder.LITTLE_ENDIAN)) {
                return false;
            }
        }
        for (; i < len; i++) {
            if (a[o + i] != msg.getByte(at + i)) {
                return false;
            }
        }
        return true;
    }

    /** Binary search by unsigned first byte: the index, or -(insertion point) - 1. */
    private static int childIndex(Node n, int key) {
        byte[] keys = n.keys;
        int lo = 0;
        int hi = n.nkids - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int k = keys[mid] & 0xFF;
            if (k < key) {
                lo = mid + 1;
            } else if (k > key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** Length of the common prefix of {@code n}'s label and {@code t[pos, end)}. */
    private static int common(Node n, byte[] t, int pos, int end) {
        int max = Math.min(n.len, end - pos);
        int m = Arrays.mismatch(n.label, n.off, n.off + max, t, pos, pos + max);
        return m < 0 ? max : m;
    }

    /** The node of exactly this prefix, or null. */
    private Node find(byte[] t, int off, int len) {
        Node node = root;
        int pos = off;
        int end = off + len;
        while (pos < end) {
            int idx = childIndex(node, t[pos] & 0xFF);
            if (idx < 0) {
                return null;
            }
            node = node.kids[idx];
            if (common(node, t, pos, end) != node.len) {
                return null;
            }
            pos += node.len;
        }
        return node;
    }

    /** The node of exactly this prefix, created (splitting an edge if needed) when missing. */
    private Node insert(byte[] t, int off, int len) {
        Node node = root;
        int pos = off;
        int end = off + len;
        while (pos < end) {
            int idx = childIndex(node, t[pos] & 0xFF);
            if (idx < 0) {
                Node leaf = new Node();
                leaf.parent = node;
                leaf.label = Arrays.copyOfRange(t, pos, end);
                leaf.len = end - pos;
                memory += nodeBytes(leaf);
                insertChild(node, -idx - 1, leaf);
                return leaf;
            }
            Node child = node.kids[idx];
            int c = common(child, t, pos, end);
            if (c < child.len) {
                child = split(node, idx, child, c);
            }
            node = child;
            pos += c;
        }
        return node;
    }

    /** Splits {@code child}'s edge after {@code c} bytes; returns the new middle node. */
    private Node split(Node parent, int idx, Node child, int c) {
        memory -= nodeBytes(child);
        Node mid = new Node();
        mid.parent = parent;
        if (c <= child.len - c) {
            mid.label = Arrays.copyOfRange(child.label, child.off, child.off + c);
            child.off += c;
        } else {
            byte[] tail = Arrays.copyOfRange(child.label, child.off + c, child.off + child.len);
            mid.label = child.label;
            mid.off = child.off;
            child.label = tail;
            child.off = 0;
        }
        mid.len = c;
        child.len -= c;
        compact(mid);
        compact(child);
        mid.keys = new byte[] {child.label[child.off], 0};
        mid.kids = new Node[] {child, null};
        mid.nkids = 1;
        child.parent = mid;
        parent.kids[idx] = mid;
        memory += nodeBytes(child) + nodeBytes(mid);
        return mid;
    }

    /** Merges {@code x} (no subscriber, one child) into its child, which keeps its identity and slots. */
    private void merge(Node x) {
        Node y = x.kids[0];
        Node parent = x.parent;
        memory -= nodeBytes(x) + nodeBytes(y);
        int headCost = y.off >= x.len ? x.len : NONE;
        int tailCost = x.label.length - x.off - x.len >= y.len ? y.len : NONE;
        if (headCost != NONE && headCost <= tailCost) {
            System.arraycopy(x.label, x.off, y.label, y.off - x.len, x.len);
            y.off -= x.len;
        } else if (tailCost != NONE) {
            System.arraycopy(y.label, y.off, x.label, x.off + x.len, y.len);
            y.label = x.label;
            y.off = x.off;
        } else {
            byte[] joined = new byte[x.len + y.len];
            System.arraycopy(x.label, x.off, joined, 0, x.len);
            System.arraycopy(y.label, y.off, joined, x.len, y.len);
            y.label = joined;
            y.off = 0;
        }
        y.len += x.len;
        compact(y);
        y.parent = parent;
        parent.kids[childIndex(parent, y.label[y.off] & 0xFF)] = y;
        x.parent = null;
        x.kids = null;
        x.nkids = 0;
        memory += nodeBytes(y);
    }

    private static void compact(Node n) {
        if (n.label.length > 2L * n.len + SLACK) {
            n.label = Arrays.copyOfRange(n.label, n.off, n.off + n.len);
            n.off = 0;
        }
    }

    /** Removes subscription-less nodes upwards from {@code node}, merging a node left with one child. */
    private void prune(Node node) {
        Node n = node;
        while (n != root && n.nsubs == 0) {
            if (n.nkids == 1) {
                merge(n);
                return;
            }
            if (n.nkids > 1) {
                return;
            }
            Node parent = n.parent;
            removeChild(parent, childIndex(parent, n.label[n.off] & 0xFF));
            memory -= nodeBytes(n);
            n.parent = null;
            n = parent;
        }
    }

    private void insertChild(Node n, int at, Node child) {
        memory -= nodeBytes(n);
        if (n.kids == null || n.nkids == n.kids.length) {
            int cap = n.kids == null ? 2 : n.kids.length * 2;
            n.keys = n.keys == null ? new byte[cap] : Arrays.copyOf(n.keys, cap);
            n.kids = n.kids == null ? new Node[cap] : Arrays.copyOf(n.kids, cap);
        }
        System.arraycopy(n.keys, at, n.keys, at + 1, n.nkids - at);
        System.arraycopy(n.kids, at, n.kids, at + 1, n.nkids - at);
        n.keys[at] = child.label[child.off];
        n.kids[at] = child;
        n.nkids++;
        memory += nodeBytes(n);
    }

    private void removeChild(Node n, int at) {
        memory -= nodeBytes(n);
        n.nkids--;
        System.arraycopy(n.keys, at + 1, n.keys, at, n.nkids - at);
        System.arraycopy(n.kids, at + 1, n.kids, at, n.nkids - at);
        n.kids[n.nkids] = null;
        if (n.nkids == 0) {
            n.keys = null;
            n.kids = null;
        } else if (n.kids.length > 2 && n.nkids * 2 <= n.kids.length) { // capacity stays max(2, 2^ceil(log2 n))
            n.keys = Arrays.copyOf(n.keys, n.kids.length / 2);
            n.kids = Arrays.copyOf(n.kids, n.kids.length / 2);
        }
        memory += nodeBytes(n);
    }

    /** The slot of {@code sub} in {@code node}, or null; walks whichever list is shorter. */
    private static Slot slotOf(Node node, Subscriber sub) {
        if (node.nsubs <= sub.n) {
            for (Slot s = node.slots; s != null; s = s.nextInNode) {
                if (s.sub == sub) {
                    return s;
                }
            }
        } else {
            for (Slot s = sub.slots; s != null; s = s.nextOfSub) {
                if (s.node == node) {
                    return s;
                }
            }
        }
        return null;
    }

    private void addSlot(Node node, Subscriber sub) {
        Slot s = new Slot(sub, node);
        s.nextInNode = node.slots;
        if (node.slots != null) {
            node.slots.prevInNode = s;
        }
        node.slots = s;
        node.nsubs++;
        s.nextOfSub = sub.slots;
        if (sub.slots != null) {
            sub.slots.prevOfSub = s;
        }
        sub.slots = s;
        sub.n++;
        memory += SLOT_BYTES;
    }

    private void removeSlot(Slot s) {
        Node node = s.node;
        Subscriber sub = s.sub;
        if (s.prevInNode == null) {
            node.slots = s.nextInNode;
        } else {
            s.prevInNode.nextInNode = s.nextInNode;
        }
        if (s.nextInNode != null) {
            s.nextInNode.prevInNode = s.prevInNode;
        }
        node.nsubs--;
        if (s.prevOfSub == null) {
            sub.slots = s.nextOfSub;
        } else {
            s.prevOfSub.nextOfSub = s.nextOfSub;
        }
        if (s.nextOfSub != null) {
            s.nextOfSub.prevOfSub = s.prevOfSub;
        }
        sub.n--;
        memory -= SLOT_BYTES;
    }

    /** The full prefix of {@code node}, built by walking up to the root. */
    private static byte[] prefixOf(Node node) {
        int total = 0;
        for (Node n = node; n != null; n = n.parent) {
            total += n.len;
        }
        byte[] out = new byte[total];
        int at = total;
        for (Node n = node; n != null; n = n.parent) {
            at -= n.len;
            System.arraycopy(n.label, n.off, out, at, n.len);
        }
        return out;
    }

    /** A node's own bytes: the object, its label array and its child arrays (not its slots). */
    private static long nodeBytes(Node n) {
        return NODE_BYTES + array(n.label.length, 1) + (n.kids == null ? 0 : array(n.keys.length, 1)
            + array(n.kids.length, 4));
    }

    private static long array(int length, int elementBytes) {
        return (16L + (long) length * elementBytes + 7) & ~7L;
    }

    // ---- test support (package-private) ----

    /** @return the number of nodes, root included (iterative walk) */
    int nodeCount() {
        int count = 0;
        ArrayDeque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            count++;
            for (int i = 0; i < n.nkids; i++) {
                todo.push(n.kids[i]);
            }
        }
        return count;
    }

    /**
     * Checks every structural invariant and recomputes the memory estimate from scratch (iterative walk).
     *
     * @throws IllegalStateException naming the first broken invariant
     */
    void checkInvariants() {
        long mem = FIXED_BYTES;
        int prefixes = 0;
        long slots = 0;
        long slotsTotal = 0;
        IdentityHashMap<byte[], Boolean> labels = new IdentityHashMap<>();
        ArrayDeque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            mem += nodeBytes(n);
            check(n == root ? n.len == 0 && n.parent == null : n.len > 0 && (n.nsubs > 0 || n.nkids >= 2),
                "node neither root, subscribed nor branching");
            check(n == root || labels.put(n.label, Boolean.TRUE) == null, "label array shared");
            check(n.off >= 0 && n.off + n.len <= n.label.length, "label out of its array");
            check(n == root || n.label.length <= 2L * n.len + SLACK, "label not compacted");
            check((n.nkids == 0) == (n.kids == null) && (n.nsubs == 0) == (n.slots == null), "stale links");
            check(n.kids == null || n.kids.length == Math.max(2, Integer.highestOneBit(2 * n.nkids - 1)),
                "child capacity not a function of the count");
            prefixes += n.nsubs > 0 ? 1 : 0;
            for (int i = 0; i < n.nkids; i++) {
                Node k = n.kids[i];
                check(k.parent == n && n.keys[i] == k.label[k.off], "child key or parent link");
                check(i == 0 || (n.keys[i - 1] & 0xFF) < (n.keys[i] & 0xFF), "children unsorted");
                todo.push(k);
            }
            int count = 0;
            for (Slot s = n.slots; s != null; s = s.nextInNode, count++) {
                check(s.node == n && s.count > 0 && subscribers.get(s.sub.owner) == s.sub, "slot node, count, owner");
                check(s.nextInNode == null || s.nextInNode.prevInNode == s, "node list links");
            }
            check(count == n.nsubs, "node slot count");
            slotsTotal += count;
            slots += count;
        }
        for (Subscriber sub : subscribers.values()) {
            mem += SUBSCRIBER_BYTES;
            int count = 0;
            for (Slot s = sub.slots; s != null; s = s.nextOfSub, count++) {
                check(s.sub == sub && (s.nextOfSub == null || s.nextOfSub.prevOfSub == s), "subscriber list links");
            }
            check(count > 0 && count == sub.n, "subscriber slot count");
            slots -= count;
        }
        check(slots == 0, "slots on one side only");
        mem += slotsTotal * SLOT_BYTES;
        check(prefixes == size, "size");
        check(mem == memory, "memory estimate " + memory + " != recomputed " + mem);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
