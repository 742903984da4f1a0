package dev.jcoder.coderd.workspaces;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;

/**
 * A weekly autostart schedule in Coder's cron form {@code CRON_TZ=<zone> <minute> <hour> * * <days>}:
 * only minute, hour and day of week may vary; the zone defaults to UTC. Fields take numbers,
 * {@code *}, ranges {@code a-b}, steps {@code x/n} and comma lists; days also take names
 * ({@code MON}–{@code SUN}, 0 = Sunday). Error messages follow Coder's ({@code validate weekly
 * schedule: ...}, {@code parse schedule: ...}).
 */
public final class AutostartSchedule {
    private static final String[] DAY_NAMES = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private final String spec;
    private final ZoneId zone;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;

    private AutostartSchedule(String spec, ZoneId zone, BitSet minutes, BitSet hours, BitSet days) {
        this.spec = spec;
        this.zone = zone;
        this.minutes = minutes;
        this.hours = hours;
        this.days = days;
    }

    /** Parses and validates a schedule; the message of the exception is the reason, for people. */
    public static AutostartSchedule parse(String raw) {
        String spec = raw == null ? "" : raw.strip();
        String[] parts = spec.isEmpty() ? new String[0] : spec.split("\\s+");
        if (parts.length < 5 || parts.length > 6 || (parts.length == 6 && !parts[0].startsWith("CRON_TZ="))) {
            throw new IllegalArgumentException("validate weekly schedule: expected schedule to consist of 5 fields "
                    + "with an optional CRON_TZ=<timezone> prefix");
        }
        String zoneName = parts.length == 6 ? parts[0].substring("CRON_TZ=".length()) : "UTC";
        int offset = parts.length == 6 ? 1 : 0;
        if (!parts[offset + 2].equals("*") || !parts[offset + 3].equals("*")) {
            throw new IllegalArgumentException("validate weekly schedule: expected month and dom to be *");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("parse schedule: provided bad location " + zoneName
                    + ": unknown time zone " + zoneName);
        }
        BitSet minutes = field(parts[offset], 0, 59, false);
        BitSet hours = field(parts[offset + 1], 0, 23, false);
        BitSet days = field(parts[offset + 4], 0, 6, true);
        return new AutostartSchedule(spec, zone, minutes, hours, days);
    }

    /** Empty for no schedule (null or blank), else the parsed schedule. */
    public static Optional<AutostartSchedule> parseOptional(String raw) {
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(parse(raw));
    }

    private static BitSet field(String text, int min, int max, boolean dayNames) {
        BitSet set = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("parse schedule: empty field in \"" + text + "\"");
            }
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), 1, Integer.MAX_VALUE, false, text);
                range = part.substring(0, slash);
            }
            int start;
            int end;
            if (range.equals("*") || range.equals("?")) {
                start = min;
                end = max;
            } else {
                int dash = range.indexOf('-');
                if (dash > 0) {
                    start = number(range.substring(0, dash), min, max, dayNames, text);
                    end = number(range.substring(dash + 1), min, max, dayNames, text);
                } else {
                    start = number(range, min, max, dayNames, text);
                    end = slash >= 0 ? max : start;
                }
            }
            if (start > end) {
                throw new IllegalArgumentException("parse schedule: beginning of range (" + start
                        + ") beyond end of range (" + end + "): " + part);
            }
            for (int value = start; value <= end; value += step) {
                set.set(value);
            }
        }
        return set;
    }

    private static int number(String text, int min, int max, boolean dayNames, String field) {
        if (dayNames) {
            for (int i = 0; i < DAY_NAMES.length; i++) {
                if (DAY_NAMES[i].equalsIgnoreCase(text)) {
                    return i;
                }
            }
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parse schedule: failed to parse int from " + text
                    + ": strconv.Atoi: parsing \"" + text + "\": invalid syntax");
        }
        if (value < min) {
            throw new IllegalArgumentException("parse schedule: beginning of range (" + value + ") below minimum ("
                    + min + "): " + field);
        }
        if (value > max) {
            throw new IllegalArgumentException("parse schedule: end of range (" + value + ") above maximum (" + max
                    + "): " + field);
        }
        return value;
    }

    public String spec() {
        return spec;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first scheduled moment strictly after {@code after}. */
    public Instant next(Instant after) {
        ZonedDateTime local = after.atZone(zone);
        LocalDate date = local.toLocalDate();
        for (int day = 0; day <= 8; day++, date = date.plusDays(1)) {
            if (!days.get(date.getDayOfWeek().getValue() % 7)) {
                continue;
            }
            for (int hour = hours.nextSetBit(0); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                for (int minute = minutes.nextSetBit(0); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                    Instant candidate = date.atTime(hour, minute).atZone(zone).toInstant();
                    if (candidate.isAfter(after)) {
                        return candidate;
                    }
                }
            }
        }
        throw new IllegalStateException("The schedule " + spec + " has no next time.");
    }

    /**
     * The first scheduled moment after {@code after} on a day the template allows autostart on
     * ({@code monday}..{@code sunday}, in the schedule's zone), or empty when none within two weeks.
     */
    public Optional<Instant> nextAllowed(Instant after, java.util.Collection<String> allowedDays) {
        Instant candidate = after;
        for (int i = 0; i < 14 * 24 * 60 && !allowedDays.isEmpty(); i++) {
            candidate = next(candidate);
            DayOfWeek day = candidate.atZone(zone).getDayOfWeek();
            if (allowedDays.contains(day.name().toLowerCase(Locale.ROOT))) {
                return Optional.of(candidate);
            }
            if (candidate.isAfter(after.plus(java.time.Duration.ofDays(14)))) {
                break;
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return spec;
    }
}
