package io.jzmtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A multipart message: one or more frames of bytes, sent and received whole (RFC 23: all frames or none).
 *
 * <p>Immutable in use: frames are not copied on send, so do not modify an array after passing it in. Thread-safe
 * once built. The convenience API allocates; latency-critical code uses the frame-level API of the sockets.
 */
public final class Message {
    /** The frame of a one-frame message (the common case: one object per message), else null. */
    private final byte[] single;
    /** The frames of a multipart message, else null. Never handed out. */
    private final byte[][] many;

    private Message(byte[] single) {
        this.single = single;
        this.many = null;
    }

    private Message(byte[][] many) {
        this.single = null;
        this.many = many;
    }

    /**
     * @param frames the frames; not copied
     * @return the message
     * @throws IllegalArgumentException if there are no frames
     */
    public static Message of(byte[]... frames) {
        if (frames.length == 0) {
            throw new IllegalArgumentException("a message of 0 frames: expected at least one frame");
        }
        for (byte[] f : frames) {
            Objects.requireNonNull(f, "frame");
        }
        return frames.length == 1 ? new Message(frames[0]) : new Message(frames.clone());
    }

    /**
     * @param frames the frames as text, encoded as UTF-8
     * @return the message
     * @throws IllegalArgumentException if there are no frames
     */
    public static Message of(String... frames) {
        byte[][] b = new byte[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            b[i] = frames[i].getBytes(StandardCharsets.UTF_8);
        }
        return of(b);
    }

    /**
     * @param frames the frames; not copied
     * @return the message
     */
    public static Message ofFrames(List<byte[]> frames) {
        return of(frames.toArray(new byte[0][]));
    }

    /** @return a builder for a message whose frames mix binary and text (envelopes: routing ids, delimiters) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A message made of frames {@code from} (inclusive) to the end: for taking an envelope off.
     *
     * @param from the first frame to keep
     * @return the rest of the message (frames are not copied)
     * @throws IllegalArgumentException if no frame would be left
     */
    public Message from(int from) {
        int n = size();
        if (from < 0 || from >= n) {
            throw new IllegalArgumentException("frame index " + from + ": expected 0 to " + (n - 1));
        }
        if (from == 0) {
            return this;
        }
        return n - from == 1 ? new Message(many[from]) : new Message(Arrays.copyOfRange(many, from, n));
    }

    /** Builds a {@link Message} frame by frame. Not thread-safe. */
    public static final class Builder {
        private final ArrayList<byte[]> frames = new ArrayList<>();

        private Builder() {
        }

        /** @param frame a binary frame (not copied) @return this */
        public Builder add(byte[] frame) {
            frames.add(Objects.requireNonNull(frame, "frame"));
            return this;
        }

        /** @param frame a text frame, encoded as UTF-8 @return this */
        public Builder add(String frame) {
            return add(frame.getBytes(StandardCharsets.UTF_8));
        }

        /** @return this, with an empty frame (the envelope delimiter) added */
        public Builder addEmpty() {
            return add(new byte[0]);
        }

        /** @param message frames to append (not copied) @return this */
        public Builder addAll(Message message) {
            frames.addAll(message.frames());
            return this;
        }

        /**
         * @return the message
         * @throws IllegalArgumentException if no frame was added
         */
        public Message build() {
            if (frames.isEmpty()) {
                throw new IllegalArgumentException("a message of 0 frames: expected at least one frame");
            }
            return frames.size() == 1 ? new Message(frames.get(0)) : new Message(frames.toArray(new byte[0][]));
        }
    }

    /** A received message over frames that are the message's own (not shared with the caller). */
    static Message wrap(List<byte[]> frames) {
        return frames.size() == 1 ? new Message(frames.get(0)) : new Message(frames.toArray(new byte[0][]));
    }

    /** A received one-frame message. */
    static Message wrapSingle(byte[] frame) {
        return new Message(frame);
    }

    /** A received multipart message over an array that is the message's own. */
    static Message wrapFrames(byte[][] frames) {
        return new Message(frames);
    }

    /** @return the number of frames */
    public int size() {
        return single != null ? 1 : many.length;
    }

    /**
     * @param index a frame index
     * @return that frame (not a copy)
     */
    public byte[] frame(int index) {
        if (single != null) {
            Objects.checkIndex(index, 1);
            return single;
        }
        return many[index];
    }

    /**
     * @param index a frame index
     * @return that frame decoded as UTF-8
     */
    public String string(int index) {
        return new String(frame(index), StandardCharsets.UTF_8);
    }

    /**
     * The frames as a list, for convenience: an unmodifiable view made on each call (a small allocation; the arrays
     * are not copies). Loops on a hot path use {@link #size()} and {@link #frame(int)}, which allocate nothing.
     *
     * @return the frames
     */
    public List<byte[]> frames() {
        return single != null ? List.of(single) : Collections.unmodifiableList(Arrays.asList(many));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Message m) || m.size() != size()) {
            return false;
        }
        for (int i = 0; i < size(); i++) {
            if (!Arrays.equals(frame(i), m.frame(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size(); i++) {
            h = 31 * h + Arrays.hashCode(frame(i));
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Message[");
        for (int i = 0; i < size(); i++) {
            byte[] f = frame(i);
            b.append(i == 0 ? "" : ", ").append(f.length).append("B");
        }
        return b.append(']').toString();
    }
}
