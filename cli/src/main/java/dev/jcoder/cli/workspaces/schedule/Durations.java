package dev.jcoder.cli.workspaces.schedule;

import dev.jcoder.codersdk.GoDuration;
import java.time.Duration;

/** Durations as Coder's workspace commands read and print them. */
public final class Durations {
    private Durations() {}

    /**
     * A Go duration ({@code 8h}, {@code 1h30m}, {@code 90m}); a bare number means minutes, as
     * {@code coder schedule stop} and {@code extend} take it.
     */
    public static Duration parse(String text, String what) {
        String value = text == null ? "" : text.strip();
        try {
            if (value.matches("\\d+")) {
                return Duration.ofMinutes(Long.parseLong(value));
            }
            Duration duration = GoDuration.parse(value);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return duration;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("Invalid " + what + " \"" + text + "\": use a duration such as 8h, 90m or 1h30m.", e);
        }
    }

    /**
     * Coder's short display: whole minutes ({@code 8h}, {@code 1h30m}), days past 24 hours
     * ({@code 1d2h}, minutes dropped), {@code <1m} below a minute, {@code 0s} for zero. The
     * sign is dropped; {@link #relative} says which way.
     */
    public static String display(Duration duration) {
        Duration value = duration.abs();
        if (value.isZero()) {
            return "0s";
        }
        if (value.compareTo(Duration.ofMinutes(1)) < 0) {
            return "<1m";
        }
        value = value.compareTo(Duration.ofDays(1)) > 0 ? value.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                : value.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        long days = value.toDays();
        long hours = value.toHoursPart();
        long minutes = value.toMinutesPart();
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append('d');
        }
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        return text.toString();
    }

    /** {@code in 5m} for the future, {@code 5m ago} for the past, {@code now} for zero. */
    public static String relative(Duration duration) {
        if (duration.isZero()) {
            return "now";
        }
        return duration.isNegative() ? display(duration) + " ago" : "in " + display(duration);
    }
}
