package io.jzmtp.transport.pipe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random offer/poll/close sequences from one thread against a plain model of the pipe's contract: results, order,
 * sizes, discards and the exact number of activation events must agree after every step.
 */
class SpscPipeProperties {

    enum Op { OFFER, POLL, CLOSE_WRITER, CLOSE_READER }

    /** The contract, written as simply as possible. */
    static final class Model {
        final int hwm;
        final int lwm;
        final ArrayDeque<Integer> queue = new ArrayDeque<>();
        boolean readerArmed;
        boolean writerBlocked;
        boolean writerClosed;
        boolean readerClosed;
        int readActivations;
        int writeActivations;
        int discarded;

        Model(int hwm) {
            this.hwm = hwm;
            this.lwm = hwm == 1 ? 0 : (hwm + 1) / 2;
        }

        boolean offer(int value) {
            if (writerClosed || readerClosed) {
                return false;
            }
            if (hwm != 0 && queue.size() >= hwm) {
                writerBlocked = true;
                return false;
            }
            writerBlocked = false; // a successful offer ends an episode silently
            queue.add(value);
            if (readerArmed) {
                readerArmed = false;
                readActivations++;
            }
            return true;
        }

        Integer poll() {
            if (readerClosed) {
                return null;
            }
            if (queue.isEmpty()) {
                readerArmed = !writerClosed;
                return null;
            }
            Integer value = queue.remove();
            if (writerBlocked && queue.size() <= lwm) {
                writerBlocked = false;
                writeActivations++;
            }
            return value;
        }

        void closeWriter() {
            if (writerClosed) {
                return;
            }
            writerClosed = true;
            writerBlocked = false;
            if (readerArmed) {
                readerArmed = false;
                readActivations++;
            }
            if (readerClosed) {
                discardAll();
            }
        }

        void closeReader() {
            if (readerClosed) {
                return;
            }
            readerClosed = true;
            readerArmed = false;
            discardAll();
            if (writerBlocked) {
                writerBlocked = false;
                writeActivations++;
            }
        }

        private void discardAll() {
            discarded += queue.size();
            queue.clear();
        }
    }

    @Property(tries = 1000)
    void shouldBehaveLikeTheModel(@ForAll("operations") List<Op> operations,
                                  @ForAll @IntRange(min = 0, max = 9) int hwm,
                                  @ForAll boolean chunked) {
        CountingEvents reader = new CountingEvents();
        CountingEvents writer = new CountingEvents();
        SpscPipe<Integer> pipe = new SpscPipe<>(hwm, reader, writer, chunked ? 0 : SpscPipe.MAX_RING_HWM);
        Model model = new Model(hwm);
        int[] discarded = new int[1];
        int next = 0;
        int step = 0;
        for (Op op : operations) {
            String where = "step " + step++ + " " + op + " in " + operations;
            switch (op) {
                case OFFER -> {
                    assertEquals(model.offer(next), pipe.offer(next), where);
                    next++;
                }
                case POLL -> assertEquals(model.poll(), pipe.poll(), where);
                case CLOSE_WRITER -> {
                    model.closeWriter();
                    pipe.closeWriter(m -> discarded[0]++);
                }
                case CLOSE_READER -> {
                    model.closeReader();
                    pipe.closeReader(m -> discarded[0]++);
                }
            }
            assertEquals(model.readActivations, reader.reads(), "read activations after " + where);
            assertEquals(model.writeActivations, writer.writes(), "write activations after " + where);
            assertEquals(model.queue.size(), pipe.size(), "size after " + where);
            assertEquals(model.discarded, discarded[0], "discarded after " + where);
            assertEquals(model.writerClosed || model.readerClosed, pipe.isClosed(), where);
            assertEquals(model.writerClosed && model.queue.isEmpty(), pipe.isDrained(), where);
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(40, Arbitraries.just(Op.OFFER)),
                net.jqwik.api.Tuple.of(40, Arbitraries.just(Op.POLL)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Op.CLOSE_WRITER)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Op.CLOSE_READER)));
        return op.list().ofMaxSize(300);
    }
}
