package io.jzmtp;

import static io.jzmtp.TestEndpoints.bytes;
import static io.jzmtp.TestEndpoints.endpoint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A multipart message read one frame per {@code receiveBytes()} call, with {@code hasMore()}. */
class FrameAtATimeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void framesComeOneCallAtATime(String transport) {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull();
             PushSocket push = ctx.push()) {
            push.connect(pull.bind(endpoint(transport, "fat-frames")));
            push.send(Message.of("a", "b", "c"));
            push.send(bytes("next"));
            assertFalse(pull.hasMore(), "nothing received yet");
            assertArrayEquals(bytes("a"), pull.receiveBytes(WAIT));
            assertTrue(pull.hasMore());
            assertArrayEquals(bytes("b"), pull.tryReceiveBytes(), "the next frame is there without waiting");
            assertTrue(pull.hasMore());
            assertArrayEquals(bytes("c"), pull.receiveBytes());
            assertFalse(pull.hasMore(), "c was the last frame");
            assertArrayEquals(bytes("next"), pull.receiveBytes(WAIT), "then the next message");
            assertFalse(pull.hasMore());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void receiveAfterAPartialReceiveBytesReturnsTheRest(String transport) {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull();
             PushSocket push = ctx.push()) {
            push.connect(pull.bind(endpoint(transport, "fat-rest")));
            push.send(Message.of("a", "b", "c"));
            push.send(Message.of("x", "y"));
            push.send(Message.of("whole"));
            assertArrayEquals(bytes("a"), pull.receiveBytes(WAIT));
            Message rest = pull.receive();
            assertEquals(Message.of("b", "c"), rest, "receive() returns the rest of the message");
            assertFalse(pull.hasMore());
            assertArrayEquals(bytes("x"), pull.receiveBytes(WAIT));
            assertEquals(Message.of("y"), pull.tryReceive(), "a one-frame rest, without waiting");
            assertEquals(Message.of("whole"), pull.receive(WAIT), "then whole messages again");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void receiveStringTakesOneFrameAndLeavesTheRest() {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull();
             PushSocket push = ctx.push()) {
            push.connect(pull.bind("inproc://fat-string"));
            push.send(Message.of("first", "second"));
            assertEquals("first", pull.receiveString(WAIT));
            assertTrue(pull.hasMore(), "the second frame is left for the next call");
            assertEquals("second", pull.receiveString());
            assertFalse(pull.hasMore());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theGarbageFreeReceiveDeliversTheRestToo() {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull();
             PushSocket push = ctx.push()) {
            push.connect(pull.bind("inproc://fat-consumer"));
            push.send(Message.of("a", "b", "c"));
            assertArrayEquals(bytes("a"), pull.receiveBytes(WAIT));
            List<String> frames = new ArrayList<>();
            List<Boolean> more = new ArrayList<>();
            int n = pull.receive((buffer, offset, length, m) -> {
                frames.add(buffer.getStringWithoutLengthUtf8(offset, length));
                more.add(m);
            }, 0);
            assertEquals(2, n);
            assertEquals(List.of("b", "c"), frames);
            assertEquals(List.of(true, false), more);
            assertFalse(pull.hasMore());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "inproc"})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void multipartRequestAndReplyFrameByFrame(String transport) {
        try (Context ctx = Context.create();
             RepSocket rep = ctx.rep();
             ReqSocket req = ctx.req()) {
            req.connect(rep.bind(endpoint(transport, "fat-rr")));
            req.send(Message.of("q1", "q2"));
            assertArrayEquals(bytes("q1"), rep.receiveBytes(WAIT), "the body's first frame, after the envelope");
            assertTrue(rep.hasMore());
            IllegalStateException early = assertThrows(IllegalStateException.class, () -> rep.send(bytes("r")));
            assertTrue(early.getMessage().contains("rest of the request"), early.getMessage());
            assertArrayEquals(bytes("q2"), rep.receiveBytes());
            assertFalse(rep.hasMore());
            rep.send(Message.of("r1", "r2"));
            assertArrayEquals(bytes("r1"), req.receiveBytes(WAIT));
            assertTrue(req.hasMore());
            IllegalStateException unread = assertThrows(IllegalStateException.class, () -> req.send(bytes("q")));
            assertTrue(unread.getMessage().contains("rest of the reply"), unread.getMessage());
            assertArrayEquals(bytes("r2"), req.receiveBytes());
            assertFalse(req.hasMore());
            assertTrue(req.send(bytes("again")), "the reply was read whole: the next request may go");
            assertArrayEquals(bytes("again"), rep.receiveBytes(WAIT));
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aRelaxedReqDropsTheRestOfAnUnreadReply() {
        try (Context ctx = Context.create();
             RepSocket rep = ctx.rep();
             ReqSocket req = ctx.req(SocketOptions.builder().reqRelaxed(true).build())) {
            req.connect(rep.bind("inproc://fat-relaxed"));
            req.send(bytes("q"));
            rep.receiveBytes(WAIT);
            rep.send(Message.of("r1", "r2"));
            assertArrayEquals(bytes("r1"), req.receiveBytes(WAIT));
            assertTrue(req.send(bytes("q2")));
            assertFalse(req.hasMore(), "the rest of the older reply was dropped");
            assertArrayEquals(bytes("q2"), rep.receiveBytes(WAIT));
            rep.send(bytes("r3"));
            assertArrayEquals(bytes("r3"), req.receiveBytes(WAIT));
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aPolledMessageIsHandedOutFrameByFrame() {
        try (Context ctx = Context.create();
             PullSocket pull = ctx.pull();
             PushSocket push = ctx.push();
             Poller poller = new Poller()) {
            push.connect(pull.bind("inproc://fat-poll"));
            int in = poller.register(pull, Poller.IN);
            push.send(Message.of("a", "b"));
            assertEquals(1, poller.poll(WAIT));
            assertTrue(poller.readable(in));
            assertArrayEquals(bytes("a"), pull.tryReceiveBytes());
            assertTrue(pull.hasMore());
            assertEquals(1, poller.poll(Duration.ZERO), "the rest of the message is still readable");
            assertArrayEquals(bytes("b"), pull.tryReceiveBytes());
            assertFalse(pull.hasMore());
            assertNull(pull.tryReceiveBytes());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void closingWithAPartlyReadMessageIsClean() {
        try (Context ctx = Context.create();
             PushSocket push = ctx.push()) {
            PullSocket pull = ctx.pull();
            push.connect(pull.bind("inproc://fat-close"));
            push.send(Message.of("a", "b"));
            assertArrayEquals(bytes("a"), pull.receiveBytes(WAIT));
            pull.close();
            assertFalse(pull.hasMore(), "the held message was released on close");
        }
    }
}
