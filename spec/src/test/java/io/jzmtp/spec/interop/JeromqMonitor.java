package io.jzmtp.spec.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;
import org.zeromq.ZMonitor;

/** A JeroMQ socket's monitor (inproc PAIR), awaited with deadlines. Test code only; the test's thread. */
final class JeromqMonitor {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private final ZMQ.Socket pair;
    private final List<String> seen = new ArrayList<>();

    /** Starts monitoring every event of the socket; call before its bind or connect. */
    JeromqMonitor(ZContext context, ZMQ.Socket socket) {
        String name = "inproc://jeromq-monitor-" + NAMES.incrementAndGet();
        socket.monitor(name, ZMQ.EVENT_ALL);
        pair = context.createSocket(SocketType.PAIR);
        pair.setLinger(0);
        pair.connect(name);
    }

    /** @return the next event of one of the kinds (others passed over); fails after the timeout */
    ZEvent await(Duration timeout, ZMonitor.Event... kinds) {
        Set<ZMonitor.Event> wanted = Set.of(kinds);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return fail("JeroMQ socket saw no " + wanted + " event within " + timeout + "; events: " + seen);
            }
            pair.setReceiveTimeOut((int) left);
            ZEvent e = ZEvent.recv(pair);
            if (e != null) {
                seen.add(e.getEvent() + "(" + e.getValue() + ")");
                if (wanted.contains(e.getEvent())) {
                    return e;
                }
            }
        }
    }

    /** @return the kinds of the events that arrive within the window */
    List<ZMonitor.Event> observe(Duration window) {
        List<ZMonitor.Event> out = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        long left;
        while ((left = (deadline - System.nanoTime()) / 1_000_000) > 0) {
            pair.setReceiveTimeOut((int) left);
            ZEvent e = ZEvent.recv(pair);
            if (e != null) {
                seen.add(e.getEvent() + "(" + e.getValue() + ")");
                out.add(e.getEvent());
            }
        }
        return out;
    }
}
