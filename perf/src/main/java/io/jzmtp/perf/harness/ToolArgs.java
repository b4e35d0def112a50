package io.jzmtp.perf.harness;

/**
 * The positional arguments of the libzmq-style perf tools: checks the count and turns sizes and counts into numbers,
 * naming the bad one. On a bad argument it prints the problem and the usage to stderr and exits with status 1.
 */
final class ToolArgs {
    private ToolArgs() {
    }

    /**
     * @param args the arguments
     * @param usage the usage line, e.g. {@code usage: local_lat <bind-to> <message-size> <roundtrip-count>}
     * @param n how many there must be
     */
    static void expect(String[] args, String usage, int n) {
        if (args.length != n) {
            fail(usage, "expected " + n + " arguments, got " + args.length);
        }
    }

    /**
     * @param value the argument
     * @param name its name in the usage, e.g. {@code message-size}
     * @param usage the usage line
     * @return the size: 0 up to 2^31 - 1
     */
    static int size(String value, String name, String usage) {
        return (int) number(value, name, usage, 0, Integer.MAX_VALUE);
    }

    /**
     * @param value the argument
     * @param name its name in the usage, e.g. {@code roundtrip-count}
     * @param usage the usage line
     * @return the count: 1 up
     */
    static long count(String value, String name, String usage) {
        return number(value, name, usage, 1, Long.MAX_VALUE);
    }

    private static long number(String value, String name, String usage, long min, long max) {
        long n = min - 1;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            // reported below
        }
        if (n < min || n > max) {
            fail(usage, name + " '" + value + "': expected a whole number from " + min
                + (max == Long.MAX_VALUE ? " up" : " to " + max));
        }
        return n;
    }

    private static void fail(String usage, String problem) {
        System.err.println(problem);
        System.err.println(usage);
        System.exit(1);
    }
}
