package dev.jcoder.codersdk;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's duration syntax, which Coder's flags and some API fields use: {@code 24h}, {@code 1h30m},
 * {@code 90s}, {@code 500ms}, {@code 168h0m0s}. Also accepts {@code d} for days, as Coder's CLI
 * does for token lifetimes.
 */
public final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");

    private GoDuration() {}

    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = PART.matcher(value);
        int position = 0;
        double nanos = 0;
        while (matcher.find()) {
            if (matcher.start() != position) {
                throw invalid(text);
            }
            double amount = Double.parseDouble(matcher.group(1));
            nanos += amount * switch (matcher.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1_000;
                case "ms" -> 1_000_000;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                case "d" -> 86_400_000_000_000L;
                default -> throw invalid(text);
            };
            position = matcher.end();
        }
        if (position == 0 || position != value.length()) {
            throw invalid(text);
        }
        return Duration.ofNanos((long) nanos);
    }

    /** Go's {@code Duration.String()} form, e.g. {@code 168h0m0s}, {@code 1m30s}, {@code 0s}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        long seconds = duration.toSeconds();
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return hours + "h" + minutes + "m" + rest + "s";
        }
        if (minutes > 0) {
            return minutes + "m" + rest + "s";
        }
        return rest + "s";
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration \"" + text + "\" (use e.g. 30m, 24h, 1h30m, 7d)");
    }
}
