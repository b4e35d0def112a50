package io.jzmtp.spec.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jzmtp.Context;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the matrix classes share: each test method is one cell, named as {@link CellName} describes, and its body is
 * {@code cell()}: the name decides which side is ours, which binds, and the transport. Test code only.
 */
abstract class MatrixCells {
    @TempDir
    static Path ipcDir;
    private static final AtomicInteger IPC_NAMES = new AtomicInteger();

    private Context context;
    private String method;

    /** @return the peer's party for the running test */
    abstract Party theirs();

    /** @return "tcp" or "ipc": the transport every cell of the class uses */
    abstract String transport();

    @BeforeEach
    final void startOurs(TestInfo info) {
        method = info.getTestMethod().orElseThrow().getName();
        context = Context.create();
    }

    @AfterEach
    final void stopOurs() {
        if (context != null) {
            context.close(Duration.ZERO);
        }
    }

    /** Runs the cell the current test method's name describes. */
    final void cell() {
        CellName c = CellName.parse(method)
            .orElseThrow(() -> new IllegalStateException(method + " is not a matrix cell name"));
        assertEquals(transport(), c.transport(), method + ": transport of the class");
        Pair p = c.pair();
        Party ours = new OurParty(context);
        Party pa = c.oursIsA() ? ours : theirs();
        Party pb = c.oursIsA() ? theirs() : ours;
        try (InteropSocket a = pa.open(p.a, p.idA); InteropSocket b = pb.open(p.b, p.idB)) {
            InteropSocket binder = c.aBinds() ? a : b;
            InteropSocket connector = c.aBinds() ? b : a;
            connector.connect(binder.bind(bindEndpoint()));
            p.scenario.run(a, b, c.aBinds());
        }
    }

    private String bindEndpoint() {
        return transport().equals("ipc")
            ? "ipc://" + ipcDir.resolve("c" + IPC_NAMES.incrementAndGet() + ".ipc")
            : "tcp://127.0.0.1:*";
    }
}
