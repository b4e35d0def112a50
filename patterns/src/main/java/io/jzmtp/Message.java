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
    private final List<byte[]> frames;

    private Message(List<byte[]> frames) {
        this.frames = frames;
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
        return new Message(List.of(frames));
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
        if (from < 0 || from >= frames.size()) {
            throw new IllegalArgumentException("frame index " + from + ": expected 0 to " + (frames.size() - 1));
        }
        return new Message(frames.subList(from, frames.size()));
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
            return new Message(List.copyOf(frames));
        }
    }

    static Message wrap(ArrayList<byte[]> frames) {
        return new Message(Collections.unmodifiableList(frames));
    }

    /** @return the number of frames */
    public int size() {
        return frames.size();
    }

    /**
     * @param index a frame index
     * @return that frame (not a copy)
     */
    public byte[] frame(int index) {
        return frames.get(index);
    }

    /**
     * @param index a frame index
     * @return that frame decoded as UTF-8
     */
    public String string(int index) {
        return new String(frames.get(index), StandardCharsets.UTF_8);
    }

    /** @return the frames (unmodifiable; the arrays are not copies) */
    public List<byte[]> frames() {
        return frames;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Message m) || m.frames.size() != frames.size()) {
            return false;
        }
        for (int i = 0; i < frames.size(); i++) {
            if (!Arrays.equals(frames.get(i), m.frames.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (byte[] f : frames) {
            h = 31 * h + Arrays.hashCode(f);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Message[");
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            b.append(i == 0 ? "" : ", ").append(f.length).append("B");
        }
        return b.append(']').toString();
    }
}
