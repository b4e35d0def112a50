package io.jzmtp.examples;

import io.jzmtp.Context;
import io.jzmtp.PubSocket;
import java.util.SplittableRandom;

/**
 * Weather updates, publisher side: a PUB socket publishing "zipcode temperature humidity" as fast as it can.
 *
 * <p>PUB sends each update to every subscriber whose subscription is a prefix of it, and never waits: with no
 * subscriber (or a subscriber that is too slow) updates are simply dropped. The filtering happens at the publisher,
 * so a subscriber only receives the zip codes it asked for. Arguments: endpoint (default {@code tcp://*:5556}),
 * first zip code and number of zip codes covered (default 10000 and 100).
 */
public final class WeatherServer {
    /** Temperatures are drawn from [{@value #MIN_TEMPERATURE}, {@value #MAX_TEMPERATURE}). */
    public static final int MIN_TEMPERATURE = -80;
    /** Upper bound (exclusive) of the temperatures. */
    public static final int MAX_TEMPERATURE = 135;

    private WeatherServer() {
    }

    /**
     * Publishes random updates for zip codes {@code firstZip .. firstZip+zipCount-1} until the thread is interrupted.
     *
     * @param pub a bound PUB socket
     * @param firstZip the lowest zip code (5 digits)
     * @param zipCount how many consecutive zip codes this station covers
     * @param seed random seed
     * @return how many updates were published
     */
    public static long publish(PubSocket pub, int firstZip, int zipCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long published = 0;
        while (!Thread.currentThread().isInterrupted()) {
            int zip = firstZip + random.nextInt(zipCount);
            int temperature = random.nextInt(MIN_TEMPERATURE, MAX_TEMPERATURE);
            int humidity = random.nextInt(10, 60);
            pub.send(String.format("%05d %d %d", zip, temperature, humidity)); // never blocks
            published++;
            if ((published & 1023) == 0) {
                Thread.yield(); // let the subscribers' threads run on small machines
            }
        }
        return published;
    }

    public static void main(String[] args) {
        String endpoint = args.length > 0 ? args[0] : "tcp://*:5556";
        int firstZip = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
        int zipCount = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        try (Context ctx = Context.create(); PubSocket pub = ctx.pub()) {
            System.out.println("weather server publishing on " + pub.bind(endpoint));
            publish(pub, firstZip, zipCount, System.nanoTime());
        }
    }
}
