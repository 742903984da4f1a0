package dev.jcoder.cli.workspaces.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workspace's weekly autostart schedule, stored as Coder stores it:
 * {@code CRON_TZ=<IANA location> <minute> <hour> * * <day-of-week>}. Built from the CLI's
 * {@code <start-time> [day-of-week] [location]} grammar ({@code 9:30AM Mon-Fri Europe/Berlin})
 * or read back from the API, shown as Coder's CLI shows it ({@code 9:30AM Mon-Fri (Europe/Berlin)}),
 * and able to tell when it fires next.
 */
public final class AutostartSchedule {
    private static final Pattern TWELVE_HOUR = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(AM|PM|am|pm)");
    private static final Pattern TWENTY_FOUR_HOUR = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern COMPACT = Pattern.compile("(\\d{2})(\\d{2})");
    private static final Pattern ABBREVIATION = Pattern.compile("[A-Z]{2,5}");
    private static final Pattern DAY_NAME = Pattern.compile("[A-Za-z]+");
    private static final Pattern DAY_NUMBER = Pattern.compile("(?<!/)\\b([0-6])\\b");

    private final ZoneId location;
    private final String minute;
    private final String hour;
    private final String dayOfWeek;
    private final CronField minutes;
    private final CronField hours;
    private final CronField days;

    private AutostartSchedule(ZoneId location, String minute, String hour, String dayOfWeek) {
        this.location = Objects.requireNonNull(location, "location");
        this.minute = minute;
        this.hour = hour;
        this.dayOfWeek = dayOfWeek;
        this.minutes = CronField.minute(minute);
        this.hours = CronField.hour(hour);
        this.days = CronField.dayOfWeek(dayOfWeek);
    }

    /**
     * Reads a schedule as the API stores it: an optional {@code CRON_TZ=} prefix (UTC without
     * one) and five cron fields whose day-of-month and month are {@code *}.
     */
    public static AutostartSchedule parse(String spec) {
        List<String> fields = new ArrayList<>(List.of(spec.strip().split("\\s+")));
        ZoneId zone = ZoneOffset.UTC;
        if (!fields.isEmpty() && fields.getFirst().startsWith("CRON_TZ=")) {
            zone = location(fields.removeFirst().substring("CRON_TZ=".length()));
        }
        if (fields.size() != 5) {
            throw new IllegalArgumentException("Invalid schedule \"" + spec
                    + "\": expected five cron fields (minute hour day-of-month month day-of-week) after an optional CRON_TZ=<location>.");
        }
        if (!fields.get(2).equals("*") || !fields.get(3).equals("*")) {
            throw new IllegalArgumentException("Invalid schedule \"" + spec + "\": day-of-month and month must be *.");
        }
        return new AutostartSchedule(zone, fields.get(0), fields.get(1), numericDays(fields.get(4)));
    }

    /**
     * Reads Coder's CLI grammar {@code <start-time> [day-of-week] [location]}: the time as
     * {@code 9:30AM}, {@code 09:30pm}, {@code 9PM}, {@code 21:30} or {@code 2130}; days in cron
     * form ({@code Mon-Fri}, {@code 1,3,5}; every day when left out); an IANA location, else
     * {@code defaultLocation}. A single argument holding all parts (a quoted flag value) is split.
     */
    public static AutostartSchedule fromCli(List<String> arguments, ZoneId defaultLocation) {
        List<String> parts = arguments.size() == 1 ? List.of(arguments.getFirst().strip().split("\\s+")) : List.copyOf(arguments);
        if (parts.isEmpty() || parts.size() > 3 || parts.getFirst().isEmpty()) {
            throw new IllegalArgumentException(
                    "Schedule must be in the format <start-time> [day-of-week] [location], e.g. 9:30AM Mon-Fri Europe/Berlin.");
        }
        LocalTime time = startTime(parts.getFirst());
        String daysOfWeek = "*";
        ZoneId zone = defaultLocation;
        if (parts.size() == 3) {
            daysOfWeek = parts.get(1);
            zone = location(parts.get(2));
        } else if (parts.size() == 2) {
            Optional<ZoneId> maybeLocation = knownLocation(parts.get(1));
            if (maybeLocation.isPresent()) {
                zone = maybeLocation.get();
            } else if (parts.get(1).contains("/") && DAY_NAME.matcher(parts.get(1).replace("/", "")).matches()) {
                zone = location(parts.get(1));
            } else {
                daysOfWeek = parts.get(1);
            }
        }
        return new AutostartSchedule(zone, Integer.toString(time.getMinute()), Integer.toString(time.getHour()),
                numericDays(daysOfWeek));
    }

    /** The zone schedules without a location use: {@code TZ} or the system's, as Coder's CLI. */
    public static ZoneId localLocation() {
        ZoneId system = ZoneId.systemDefault();
        return system instanceof ZoneOffset ? ZoneOffset.UTC : system;
    }

    /** The spec to send to the API: {@code CRON_TZ=Europe/Berlin 30 9 * * 1-5}. */
    public String cron() {
        return "CRON_TZ=" + locationName() + " " + minute + " " + hour + " * * " + dayOfWeek;
    }

    public ZoneId location() {
        return location;
    }

    /** Coder's humanized form: {@code 9:30AM Mon-Fri (Europe/Berlin)}. */
    public String humanize() {
        return time() + " " + daysOfWeek() + " (" + locationName() + ")";
    }

    /** The start time in 12-hour form ({@code 9:30AM}), or {@code cron(m h)} when it is not a single time. */
    public String time() {
        if (minute.matches("\\d+") && hour.matches("\\d+")) {
            int h = Integer.parseInt(hour);
            int m = Integer.parseInt(minute);
            return (h % 12 == 0 ? 12 : h % 12) + ":" + String.format(Locale.ROOT, "%02d", m) + (h < 12 ? "AM" : "PM");
        }
        return "cron(" + minute + " " + hour + ")";
    }

    /** The days in words: {@code daily} for every day, else the cron field with day names ({@code Mon-Fri}). */
    public String daysOfWeek() {
        if (dayOfWeek.equals("*")) {
            return "daily";
        }
        Matcher matcher = DAY_NUMBER.matcher(dayOfWeek);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String day = CronField.DAY_NAMES.get(Integer.parseInt(matcher.group(1)));
            matcher.appendReplacement(text, Character.toUpperCase(day.charAt(0)) + day.substring(1));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    /** The first start strictly after {@code after} (whole minutes, in the schedule's location). */
    public Instant next(Instant after) {
        ZonedDateTime start = after.plusSeconds(1).atZone(location).truncatedTo(ChronoUnit.SECONDS);
        if (start.getSecond() != 0) {
            start = start.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        }
        Instant earliest = start.toInstant();
        LocalDate date = start.toLocalDate();
        // A weekly schedule fires within eight calendar days; a ninth covers a DST shift at the edge.
        for (int day = 0; day < 9; day++, date = date.plusDays(1)) {
            if (!days.matches(cronDay(date.getDayOfWeek()))) {
                continue;
            }
            for (int h = hours.values().nextSetBit(0); h >= 0; h = hours.values().nextSetBit(h + 1)) {
                for (int m = minutes.values().nextSetBit(0); m >= 0; m = minutes.values().nextSetBit(m + 1)) {
                    Instant candidate = ZonedDateTime.ofLocal(date.atTime(h, m), location, null).toInstant();
                    if (!candidate.isBefore(earliest)) {
                        return candidate;
                    }
                }
            }
        }
        throw new IllegalStateException("The schedule " + cron() + " never fires.");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AutostartSchedule schedule && schedule.cron().equals(cron());
    }

    @Override
    public int hashCode() {
        return cron().hashCode();
    }

    @Override
    public String toString() {
        return cron();
    }

    private String locationName() {
        return location.equals(ZoneOffset.UTC) ? "UTC" : location.getId();
    }

    private static int cronDay(DayOfWeek day) {
        return day.getValue() % 7;
    }

    private static LocalTime startTime(String text) {
        Matcher twelve = TWELVE_HOUR.matcher(text);
        if (twelve.matches()) {
            int h = Integer.parseInt(twelve.group(1));
            int m = twelve.group(2) == null ? 0 : Integer.parseInt(twelve.group(2));
            if (h >= 1 && h <= 12 && m <= 59) {
                boolean pm = twelve.group(3).equalsIgnoreCase("pm");
                return LocalTime.of(h % 12 + (pm ? 12 : 0), m);
            }
        }
        Matcher twentyFour = TWENTY_FOUR_HOUR.matcher(text);
        if (!twentyFour.matches()) {
            twentyFour = COMPACT.matcher(text);
        }
        if (twentyFour.matches()) {
            int h = Integer.parseInt(twentyFour.group(1));
            int m = Integer.parseInt(twentyFour.group(2));
            if (h <= 23 && m <= 59) {
                return LocalTime.of(h, m);
            }
        }
        throw new IllegalArgumentException("Start time \"" + text + "\" must be in the format hh:mm[am|pm] or HH:MM.");
    }

    private static Optional<ZoneId> knownLocation(String name) {
        return ZoneId.getAvailableZoneIds().contains(name) ? Optional.of(ZoneId.of(name)) : Optional.empty();
    }

    private static ZoneId location(String name) {
        return knownLocation(name).orElseThrow(() -> ABBREVIATION.matcher(name).matches()
                ? new IllegalArgumentException("The location \"" + name + "\" looks like a timezone abbreviation: "
                        + "use an IANA location such as Europe/Berlin or America/Chicago.")
                : new IllegalArgumentException("Invalid location \"" + name + "\": a valid IANA timezone such as Europe/Berlin is required."));
    }

    /** Day names become numbers ({@code Mon-Fri} → {@code 1-5}), the form Coder's cron parser and ours both read. */
    private static String numericDays(String field) {
        Matcher matcher = DAY_NAME.matcher(field);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            int index = CronField.DAY_NAMES.indexOf(matcher.group().toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw new IllegalArgumentException("Invalid day-of-week \"" + field + "\" in the schedule: use e.g. Mon-Fri or 1,3,5.");
            }
            matcher.appendReplacement(text, Integer.toString(index));
        }
        matcher.appendTail(text);
        String days = text.toString();
        CronField.dayOfWeek(days);
        return days;
    }
}
