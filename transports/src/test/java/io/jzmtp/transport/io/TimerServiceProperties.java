package io.jzmtp.transport.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The heap against a sorted map keyed by (deadline, scheduling order). */
class TimerServiceProperties {

    @Property
    void shouldFireExactlyLikeASortedModel(@ForAll("operations") List<int[]> operations) {
        TimerService timers = new TimerService(1);
        TreeMap<Long, Long> model = new TreeMap<>(); // (deadline * 2^20 + order) -> id
        List<Long> ids = new ArrayList<>();
        List<Long> fired = new ArrayList<>();
        long now = 0;
        int order = 0;
        for (int[] op : operations) {
            switch (op[0]) {
                case 0 -> {
                    long deadline = now + op[1];
                    long id = timers.schedule(deadline, (timerId, at) -> fired.add(timerId));
                    model.put((deadline << 20) + order++, id);
                    ids.add(id);
                }
                case 1 -> {
                    if (!ids.isEmpty()) {
                        long id = ids.get(op[1] % ids.size());
                        boolean expected = model.values().remove(id);
                        assertEquals(expected, timers.cancel(id));
                    }
                }
                default -> {
                    now += op[1];
                    List<Long> expected = new ArrayList<>();
                    while (!model.isEmpty() && (model.firstKey() >> 20) <= now && expected.size() < 4) {
                        expected.add(model.pollFirstEntry().getValue());
                    }
                    fired.clear();
                    assertEquals(expected.size(), timers.poll(now, 4));
                    assertEquals(expected, fired);
                }
            }
            assertEquals(model.size(), timers.size());
        }
    }

    @Provide
    Arbitrary<List<int[]>> operations() {
        Arbitrary<int[]> op = Arbitraries.integers().between(0, 2)
                .flatMap(kind -> Arbitraries.integers().between(0, 50).map(arg -> new int[] {kind, arg}));
        return op.list().ofMaxSize(200);
    }
}
