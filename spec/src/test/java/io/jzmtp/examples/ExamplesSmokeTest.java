package io.jzmtp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jzmtp.Context;
import io.jzmtp.DealerSocket;
import io.jzmtp.PubSocket;
import io.jzmtp.PullSocket;
import io.jzmtp.PushSocket;
import io.jzmtp.RepSocket;
import io.jzmtp.ReqSocket;
import io.jzmtp.RouterSocket;
import io.jzmtp.SocketOptions;
import io.jzmtp.SubSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs every example end to end, small, on loopback tcp, ipc in a temporary directory, and inproc. */
@Timeout(30)
class ExamplesSmokeTest {
    private final List<Thread> threads = new ArrayList<>();
    private final Context ctx = Context.create();

    /** A task on its own thread; {@link #stop} interrupts it and waits for it. */
    private record Task<T>(Thread thread, FutureTask<T> result) {
        T get() throws Exception {
            return result.get();
        }

        void stop() throws InterruptedException {
            thread.interrupt();
            thread.join();
        }
    }

    private <T> Task<T> start(String name, Callable<T> body) {
        FutureTask<T> f = new FutureTask<>(body);
        Thread t = new Thread(f, name);
        threads.add(t);
        t.start();
        return new Task<>(t, f);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Thread t : threads) {
            t.interrupt();
        }
        ctx.close(Duration.ZERO); // wakes any thread still blocked in a socket
        for (Thread t : threads) {
            t.join();
        }
    }

    @Test
    @DisplayName("hello world: REQ client gets World for each Hello from the REP server")
    void helloWorld() throws Exception {
        RepSocket rep = ctx.rep();
        String endpoint = rep.bind("tcp://127.0.0.1:*");
        Task<Integer> server = start("server", () -> HelloWorldServer.serve(rep, 5));
        ReqSocket req = ctx.req();
        req.connect(endpoint);
        assertEquals(List.of("World", "World", "World", "World", "World"), HelloWorldClient.run(req, 5));
        assertEquals(5, server.get());
    }

    @Test
    @DisplayName("weather: a SUB filtering one zip code receives only that zip code")
    void weatherOneServer() throws Exception {
        PubSocket pub = ctx.pub();
        String endpoint = pub.bind("tcp://127.0.0.1:*");
        Task<Long> server = start("weather", () -> WeatherServer.publish(pub, 10000, 10, 42));
        SubSocket sub = ctx.sub();
        sub.connect(endpoint);
        WeatherClient.Report report = WeatherClient.run(sub, 5, "10001");
        server.stop();
        assertEquals(Set.of("10001"), report.updates().keySet());
        assertEquals(5, report.updates().get("10001"));
        assertAverageInRange(report.averageTemperature().get("10001"));
    }

    @Test
    @DisplayName("weather: one SUB on two publishers (tcp and ipc) gets its two zip codes, one from each")
    void weatherTwoServers(@TempDir Path dir) throws Exception {
        PubSocket east = ctx.pub();
        PubSocket west = ctx.pub();
        String eastEndpoint = east.bind("tcp://127.0.0.1:*");
        String westEndpoint = west.bind("ipc://" + dir.resolve("west.ipc"));
        Task<Long> eastServer = start("east", () -> WeatherServer.publish(east, 10000, 10, 1));
        Task<Long> westServer = start("west", () -> WeatherServer.publish(west, 90000, 10, 2));
        SubSocket sub = ctx.sub();
        sub.connect(eastEndpoint);
        sub.connect(westEndpoint);
        WeatherClient.Report report = WeatherClient.run(sub, 5, "10001", "90001");
        eastServer.stop();
        westServer.stop();
        assertEquals(Set.of("10001", "90001"), report.updates().keySet());
        assertTrue(report.updates().values().stream().allMatch(n -> n >= 5), report.toString());
        report.averageTemperature().values().forEach(ExamplesSmokeTest::assertAverageInRange);
    }

    private static void assertAverageInRange(double average) {
        assertTrue(average >= WeatherServer.MIN_TEMPERATURE && average < WeatherServer.MAX_TEMPERATURE,
            "average " + average);
    }

    @Test
    @DisplayName("divide and conquer: ventilator, 3 workers and sink; every task done once, shared by all workers")
    void taskPipeline() throws Exception {
        PullSocket sinkSocket = ctx.pull();
        String sinkEndpoint = sinkSocket.bind("tcp://127.0.0.1:*");
        PushSocket tasks = ctx.push();
        String taskEndpoint = tasks.bind("tcp://127.0.0.1:*");
        PushSocket toSink = ctx.push();
        toSink.connect(sinkEndpoint);
        Task<TaskSink.Batch> sink = start("sink", () -> TaskSink.collect(sinkSocket));
        List<Task<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            String name = "w" + w;
            workers.add(start(name, () -> TaskWorker.run(ctx, name, taskEndpoint, sinkEndpoint, false)));
        }
        long totalCost = TaskVentilator.run(tasks, toSink, 3, 30, 7);
        TaskSink.Batch batch = sink.get();
        assertEquals(30, batch.tasks());
        assertEquals(totalCost, batch.totalCost());
        assertEquals(Set.of("w0", "w1", "w2"), batch.tasksPerWorker().keySet(), "each worker got tasks");
        ctx.close(); // stops the workers
        int done = 0;
        for (Task<Integer> w : workers) {
            done += w.get();
        }
        assertEquals(30, done);
    }

    @Test
    @DisplayName("request-reply broker: REQ clients, ROUTER/DEALER broker loop, REP workers; each reply to its asker")
    void requestReplyBroker() throws Exception {
        brokerScenario(RequestReplyBroker::run, "inproc://rr-backend");
    }

    @Test
    @DisplayName("message-queue proxy: the same through the generic forwarding loop")
    void messageQueueBroker() throws Exception {
        brokerScenario(MessageQueueBroker::proxy, "tcp://127.0.0.1:*");
    }

    private void brokerScenario(BiFunction<RouterSocket, DealerSocket, Long> broker, String backendEndpoint)
        throws Exception {
        RouterSocket frontend = ctx.router();
        DealerSocket backend = ctx.dealer();
        String front = frontend.bind("tcp://127.0.0.1:*");
        String back = backend.bind(backendEndpoint);
        Task<Long> brokerTask = start("broker", () -> broker.apply(frontend, backend));
        List<Task<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            String name = "worker-" + w;
            workers.add(start(name, () -> RequestReplyWorker.run(ctx, back, name)));
        }
        List<Task<List<String>>> clients = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            String name = "client-" + c;
            clients.add(start(name, () -> RequestReplyClient.run(ctx, front, name, 5)));
        }
        for (int c = 0; c < 3; c++) {
            List<String> replies = clients.get(c).get();
            assertEquals(5, replies.size());
            for (int i = 0; i < 5; i++) {
                String reply = replies.get(i);
                assertTrue(reply.startsWith("World (worker-")
                    && reply.endsWith(") for Hello " + i + " from client-" + c),
                    reply);
            }
        }
        brokerTask.stop();
        assertEquals(30L, brokerTask.get(), "15 requests and 15 replies forwarded");
        ctx.close();
        int answered = 0;
        for (Task<Integer> w : workers) {
            answered += w.get();
        }
        assertEquals(15, answered);
    }

    @Test
    @DisplayName("load-balancing broker: REQ workers announce READY; every client gets each of its replies")
    void loadBalancingBroker(@TempDir Path dir) throws Exception {
        LoadBalancingBroker.Result result = LoadBalancingBroker.run("ipc://" + dir.resolve("frontend.ipc"),
            "inproc://lb-backend", 4, 3, 5);
        assertEquals(4, result.repliesPerClient().size());
        for (int c = 0; c < 4; c++) {
            List<String> replies = result.repliesPerClient().get(c);
            assertEquals(5, replies.size());
            for (int i = 0; i < 5; i++) {
                String reply = replies.get(i);
                assertTrue(reply.startsWith("done by worker-")
                    && reply.endsWith(": request " + i + " from client-" + c),
                    reply);
            }
        }
        assertEquals(20, result.requestsPerWorker().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    @DisplayName("synchronised publisher: 3 subscribers each get all 200 updates and END")
    void syncPublisher() throws Exception {
        PubSocket pub = ctx.pub();
        RepSocket sync = ctx.rep();
        String pubEndpoint = pub.bind("tcp://127.0.0.1:*");
        String syncEndpoint = sync.bind("tcp://127.0.0.1:*");
        List<Task<SyncSubscriber.Tally>> subscribers = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            subscribers.add(start("sub-" + s, () -> SyncSubscriber.run(ctx, pubEndpoint, syncEndpoint,
                SocketOptions.DEFAULTS, () -> { }, Duration.ofSeconds(20))));
        }
        assertEquals(200, SyncPublisher.run(pub, sync, 3, 200));
        for (Task<SyncSubscriber.Tally> s : subscribers) {
            assertEquals(new SyncSubscriber.Tally(200, true), s.get());
        }
    }

    @Test
    @DisplayName("HWM: the publisher finishes; the fast subscriber gets everything, the stalled one at most its HWMs")
    void slowSubscriberLosesUpdatesBeyondHwm() throws Exception {
        SlowSubscriberDemo.Result r = SlowSubscriberDemo.run(2000, 100, 10);
        assertEquals(2000, r.published());
        assertEquals(new SyncSubscriber.Tally(2000, true), r.fast());
        assertTrue(r.slow().updates() <= 100 + 10, "the slow subscriber's queue holds at most 110: " + r.slow());
        assertFalse(r.slow().sawEnd(), "END was published after the slow subscriber's queue was full");
    }

    @Test
    @DisplayName("the self-contained examples run from main")
    void selfContainedMains() throws Exception {
        LoadBalancingBroker.main(new String[] {"3", "2", "2"});
        SlowSubscriberDemo.main(new String[] {"500", "50", "5"});
    }
}
