package io.jzmtp.spec.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every malformed-input case, by area. Built once; the cases are immutable apart from their byte arrays. */
final class Catalogue {
    private static List<MalformedCase> all;

    private Catalogue() {
    }

    /** @return all cases, greeting first. */
    static synchronized List<MalformedCase> all() {
        if (all == null) {
            List<MalformedCase> list = new ArrayList<>();
            list.addAll(GreetingCases.cases());
            list.addAll(FrameCases.cases());
            list.addAll(CommandCases.cases());
            list.addAll(MetadataCases.cases());
            list.addAll(HandshakeCases.cases());
            list.addAll(TrafficCases.cases());
            all = Collections.unmodifiableList(list);
        }
        return all;
    }
}
