package io.jzmtp.perf.bench.worker;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.zeromq.ZMQ;

/** The version each implementation reports, as the RESULT line carries it (no spaces). */
final class Versions {
    private Versions() {
    }

    /**
     * @param impl {@code jzmtp}, {@code jzmtp-msg}, {@code jzmtp-bytes}, {@code jzmtp-zc} or {@code jeromq}
     * @return jzmtp's version (that of its patterns module, e.g. {@code 0.1.0-SNAPSHOT}); JeroMQ's own release
     *     (e.g. {@code 0.6.0}; its {@code ZMQ.getVersionString()} is the libzmq API level it follows, 4.1.7, which is
     *     the fallback as {@code zmq-api-4.1.7})
     */
    static String of(String impl) {
        String v;
        if (impl.equals("jeromq")) {
            v = fromPom("org.zeromq", "jeromq");
            if (v == null) {
                v = "zmq-api-" + ZMQ.getVersionString();
            }
        } else {
            v = fromPom("io.jzmtp", "patterns");
            if (v == null) {
                v = io.jzmtp.Context.class.getPackage().getImplementationVersion();
            }
        }
        return v == null ? "unknown" : v.replaceAll("\\s+", "_");
    }

    private static String fromPom(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }
}
