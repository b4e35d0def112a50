package io.jzmtp.spec.interop;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A matrix cell as its test method's name says it: {@code <our|their><Type>[Binds]_<our|their><Type>[Binds]_<tcp|ipc>},
 * the pattern's first side first, exactly one side binding, e.g. {@code theirReqBinds_ourRep_tcp} (libzmq's or
 * JeroMQ's REQ binds, our REP connects). The name is the single source of truth: the cell runs what it says.
 *
 * @param pair the socket-type pair
 * @param oursIsA true if jzmtp plays the pair's first side
 * @param aBinds true if the first side binds
 * @param transport "tcp" or "ipc"
 */
record CellName(Pair pair, boolean oursIsA, boolean aBinds, String transport) {
    private static final Pattern NAME =
        Pattern.compile("(our|their)([A-Z][a-z]+)(Binds)?_(our|their)([A-Z][a-z]+)(Binds)?_(tcp|ipc)");

    /** @return the cell the method name describes, or empty if it is no matrix cell name */
    static Optional<CellName> parse(String methodName) {
        Matcher m = NAME.matcher(methodName);
        if (!m.matches() || m.group(1).equals(m.group(4)) || (m.group(3) == null) == (m.group(6) == null)) {
            return Optional.empty();
        }
        String a = m.group(2).toUpperCase(Locale.ROOT);
        String b = m.group(5).toUpperCase(Locale.ROOT);
        for (Pair p : Pair.values()) {
            if (p.a.equals(a) && p.b.equals(b)) {
                return Optional.of(new CellName(p, m.group(1).equals("our"), m.group(3) != null, m.group(7)));
            }
        }
        return Optional.empty();
    }

    /** @return the report column: 0 our A binds, 1 our A connects, 2 their A binds, 3 their A connects */
    int column() {
        return (oursIsA ? 0 : 2) + (aBinds ? 0 : 1);
    }
}
