package io.jzmtp.transport.pipe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Field groups of {@link SpscPipe}, separated by padding classes so that the writer's fields, the reader's fields and
 * the rarely written shared flags sit on different cache lines (JDK field layout keeps superclass fields first).
 * 128 bytes of padding also defeat adjacent-line prefetch.
 */
final class SpscPipeLayout {
    private SpscPipeLayout() {
    }

    static VarHandle handle(Class<?> owner, String field, Class<?> type) {
        try {
            return MethodHandles.lookup().findVarHandle(owner, field, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused")
    abstract static class Pad0 {
        private long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
    }

    /** Written by the writer thread only. */
    abstract static class WriterFields extends Pad0 {
        static final VarHandle WRITTEN = handle(WriterFields.class, "written", long.class);
        /** Messages written; stored opaque so that {@code size()} on another thread reads whole values. */
        long written;
        /** The writer's last view of {@code read}; refreshed only when the pipe looks full. */
        long cachedRead;
        /** The {@code writerBlockedAt} value of the episode the writer started and has not seen end; 0 if none. */
        long episode;
        boolean writerClosedLocal;
        /** Messages were written quietly ({@code offerQuietly}) and an armed reader has not been looked for yet. */
        boolean unpublished;
    }

    @SuppressWarnings("unused")
    abstract static class Pad1 extends WriterFields {
        private long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
    }

    /** Written by the reader thread only (or by the last closer, which inherits the consumer role). */
    abstract static class ReaderFields extends Pad1 {
        static final VarHandle READ = handle(ReaderFields.class, "read", long.class);
        /** Messages consumed; published with a release store after the slot is cleared. */
        long read;
        /** The reader set {@code readerWaiting} and has not yet seen the arming end. */
        boolean armedLocal;
        boolean readerClosedLocal;
        /** The reader saw the writer closed and the pipe empty: end of stream. */
        boolean endOfStream;
    }

    @SuppressWarnings("unused")
    abstract static class Pad2 extends ReaderFields {
        private long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;
    }

    /** Hand-shake flags, written rarely (on edges and close), read by the other side on the data path. */
    abstract static class SharedFields extends Pad2 {
        static final VarHandle READER_WAITING = handle(SharedFields.class, "readerWaiting", int.class);
        static final VarHandle WRITER_BLOCKED_AT = handle(SharedFields.class, "writerBlockedAt", long.class);
        static final VarHandle WRITER_CLOSED = handle(SharedFields.class, "writerClosed", int.class);
        static final VarHandle READER_CLOSED = handle(SharedFields.class, "readerClosed", int.class);
        static final VarHandle CLOSED_ENDS = handle(SharedFields.class, "closedEnds", int.class);
        /** 1: the reader found the pipe empty; the next write (or writer close) claims it with a CAS and notifies. */
        int readerWaiting;
        /**
         * Non-zero: the writer hit the HWM with this many messages written (always at least 1, and strictly growing
         * from one episode to the next). The reader claims the episode with a CAS from exactly this value to 0 at the
         * LWM, when empty, or on close. The value is the episode's identity, so a claim decided for one episode can
         * never succeed on a later one (no ABA), and every claim leaves the writer room.
         */
        long writerBlockedAt;
        int writerClosed;
        int readerClosed;
        /** Ends closed so far; the end whose increment sees 1 discards what is left. */
        int closedEnds;
    }

    @SuppressWarnings("unused")
    abstract static class Pad3 extends SharedFields {
        private long p30, p31, p32, p33, p34, p35, p36, p37, p38, p39, p3a, p3b, p3c, p3d, p3e, p3f;
    }
}
