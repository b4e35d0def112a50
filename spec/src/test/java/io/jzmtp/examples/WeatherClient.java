package io.jzmtp.examples;

import io.jzmtp.Context;
import io.jzmtp.SubSocket;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Weather updates, subscriber side: a SUB socket that keeps only some zip codes and averages their temperature.
 *
 * <p>A SUB receives nothing until it subscribes. A subscription is a prefix: "1000" would also match 10001 to
 * 10009, so this client subscribes to the zip code followed by the space that ends it. One SUB may connect to
 * several publishers: its subscriptions go to each of them, and their updates are fair-queued into one stream.
 * Arguments: the zip codes to follow, comma-separated (default 10001), then the endpoints (default
 * {@code tcp://localhost:5556}).
 */
public final class WeatherClient {
    /** Per zip code: how many updates arrived and their average temperature. */
    public record Report(Map<String, Integer> updates, Map<String, Double> averageTemperature) {
    }

    private WeatherClient() {
    }

    /**
     * Subscribes to the zip codes and reads until each has at least {@code updatesPerZip} updates.
     *
     * @param sub a SUB socket, already connected to one or more publishers
     * @param updatesPerZip how many updates to collect for each zip code
     * @param zipCodes the 5-digit zip codes to follow
     * @return what arrived, keyed by the zip code found in each update (so stray zip codes would show)
     */
    public static Report run(SubSocket sub, int updatesPerZip, String... zipCodes) {
        for (String zip : zipCodes) {
            sub.subscribe(zip + " ");
        }
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Long> temperatureSums = new TreeMap<>();
        while (Arrays.stream(zipCodes).anyMatch(z -> counts.getOrDefault(z, 0) < updatesPerZip)) {
            String[] fields = sub.receiveString().split(" ");
            counts.merge(fields[0], 1, Integer::sum);
            temperatureSums.merge(fields[0], Long.parseLong(fields[1]), Long::sum);
        }
        Map<String, Double> averages = new TreeMap<>();
        counts.forEach((zip, n) -> averages.put(zip, temperatureSums.get(zip) / (double) n));
        return new Report(counts, averages);
    }

    public static void main(String[] args) {
        String[] zips = args.length > 0 ? args[0].split(",") : new String[] {"10001"};
        String[] endpoints = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length)
            : new String[] {"tcp://localhost:5556"};
        try (Context ctx = Context.create(); SubSocket sub = ctx.sub()) {
            for (String endpoint : endpoints) {
                sub.connect(endpoint);
            }
            Report report = run(sub, 100, zips);
            report.averageTemperature().forEach((zip, avg) ->
                System.out.printf("average temperature for zip code %s was %.1fF%n", zip, avg));
        }
    }
}
