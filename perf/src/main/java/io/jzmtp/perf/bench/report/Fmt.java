package io.jzmtp.perf.bench.report;

import java.util.Locale;

/** Number formatting for people: a few significant digits, SI suffixes for large counts, "-" for what is not. */
final class Fmt {
    /** What a cell shows when the figure does not exist (libzmq's allocation, an implementation not measured). */
    static final String NONE = "-";

    private Fmt() {
    }

    /**
     * @param v any figure
     * @return 3 significant digits, with k from 10 000 and M/G from a million/billion up ("4.62 M", "731 k",
     *     "2621", "12.3", "0.950")
     */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return NONE;
        }
        double a = Math.abs(v);
        if (a >= 999.5e6) {
            return sig3(v / 1e9) + " G";
        }
        if (a >= 999.5e3) {
            return sig3(v / 1e6) + " M";
        }
        if (a >= 1e4) {
            return sig3(v / 1e3) + " k";
        }
        return sig3(v);
    }

    /**
     * @param v a value below 10 000 (larger ones are shown whole)
     * @return v with 3 significant digits but never in exponent form, whole from 100 up
     */
    static String sig3(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 99.95) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 9.995) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.9995) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        int decimals = 2 - (int) Math.floor(Math.log10(a));
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 9) + "f", v);
    }

    /**
     * @param v bytes allocated per message; NaN where not measurable
     * @return "0" for exactly none, else {@link #num} (fractions to 3 significant digits: "0.00712"); "-" for NaN
     */
    static String bytes(double v) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        return num(v);
    }

    /**
     * @param ratio a ratio of two figures
     * @return e.g. "1.32x"; "-" for NaN
     */
    static String ratio(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? NONE : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    /**
     * @param size a message size in bytes
     * @return "1 B", "64 B", "16 KiB", "1 MiB", or "1000 B" where not a whole KiB/MiB
     */
    static String size(long size) {
        if (size >= 1 << 20 && size % (1 << 20) == 0) {
            return size / (1 << 20) + " MiB";
        }
        if (size >= 1 << 10 && size % (1 << 10) == 0) {
            return size / (1 << 10) + " KiB";
        }
        return size + " B";
    }

    /**
     * @param size a message size in bytes
     * @return the size for a file name: "1B", "16KiB"
     */
    static String sizeToken(long size) {
        return size(size).replace(" ", "");
    }

    /**
     * @param median the median
     * @param min the minimum
     * @param max the maximum
     * @return "median (min–max)" with {@link #num}, the unit suffix once when min and max share it:
     *     "4.62 M (4.51–4.70 M)"
     */
    static String spread(double median, double min, double max) {
        if (Double.isNaN(median)) {
            return NONE;
        }
        String lo = num(min);
        String hi = num(max);
        int space = hi.indexOf(' ');
        if (space > 0 && lo.endsWith(hi.substring(space))) {
            lo = lo.substring(0, lo.length() - (hi.length() - space));
        }
        return num(median) + " (" + lo + "–" + hi + ")";
    }
}
