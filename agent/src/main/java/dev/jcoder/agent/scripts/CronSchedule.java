package dev.jcoder.agent.scripts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A {@code coder_script} cron schedule, parsed as Coder's agent does: six fields
 * {@code second minute hour day-of-month month [day-of-week]} (day of week optional), each
 * {@code *}, a number, a range {@code a-b}, a list {@code a,b} or a step {@code * /n}, {@code a-b/n};
 * or a descriptor {@code @yearly}, {@code @monthly}, {@code @weekly}, {@code @daily},
 * {@code @hourly}, {@code @every <duration>}. Times are in the agent's local time zone.
 */
public final class CronSchedule {
    private final BitSet seconds;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean daysOfMonthRestricted;
    private final boolean daysOfWeekRestricted;
    private final Duration every;
    private final ZoneId zone;

    private CronSchedule(BitSet seconds, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
            BitSet daysOfWeek, boolean daysOfMonthRestricted, boolean daysOfWeekRestricted, Duration every, ZoneId zone) {
        this.seconds = seconds;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.daysOfMonthRestricted = daysOfMonthRestricted;
        this.daysOfWeekRestricted = daysOfWeekRestricted;
        this.every = every;
        this.zone = zone;
    }

    public static CronSchedule parse(String expression, ZoneId zone) {
        String text = expression.strip();
        switch (text) {
            case "@yearly", "@annually" -> text = "0 0 0 1 1 *";
            case "@monthly" -> text = "0 0 0 1 * *";
            case "@weekly" -> text = "0 0 0 * * 0";
            case "@daily", "@midnight" -> text = "0 0 0 * * *";
            case "@hourly" -> text = "0 0 * * * *";
            default -> { }
        }
        if (text.startsWith("@every ")) {
            Duration every = dev.jcoder.codersdk.GoDuration.parse(text.substring("@every ".length()));
            if (every.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("@every needs at least 1s: " + expression);
            }
            return new CronSchedule(null, null, null, null, null, null, false, false, every, zone);
        }
        String[] fields = text.split("\\s+");
        if (fields.length != 5 && fields.length != 6) {
            throw new IllegalArgumentException("A cron schedule needs 5 or 6 fields (second minute hour day-of-month month"
                    + " [day-of-week]), got " + fields.length + ": \"" + expression + "\".");
        }
        String dow = fields.length == 6 ? fields[5] : "*";
        BitSet daysOfWeek = field(dow, 0, 7, expression);
        if (daysOfWeek.get(7)) {
            daysOfWeek.set(0); // 7 is Sunday too
        }
        return new CronSchedule(field(fields[0], 0, 59, expression), field(fields[1], 0, 59, expression),
                field(fields[2], 0, 23, expression), field(fields[3], 1, 31, expression),
                field(fields[4], 1, 12, expression), daysOfWeek, !isStar(fields[3]), !isStar(dow), null, zone);
    }

    private static boolean isStar(String field) {
        return field.equals("*") || field.equals("?");
    }

    private static BitSet field(String text, int min, int max, String expression) {
        BitSet bits = new BitSet(max + 1);
        for (String part : text.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), expression);
                range = part.substring(0, slash);
                if (step < 1) {
                    throw new IllegalArgumentException("A cron step must be at least 1: \"" + expression + "\".");
                }
            }
            int from;
            int to;
            if (isStar(range)) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = number(range.substring(0, range.indexOf('-')), expression);
                to = number(range.substring(range.indexOf('-') + 1), expression);
            } else {
                from = number(range, expression);
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to) {
                throw new IllegalArgumentException("Cron value out of range " + min + "-" + max + " in \"" + expression + "\".");
            }
            for (int value = from; value <= to; value += step) {
                bits.set(value);
            }
        }
        return bits;
    }

    private static int number(String text, String expression) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a number in cron schedule \"" + expression + "\".");
        }
    }

    /** The first time strictly after {@code after} that the schedule fires. */
    public Instant next(Instant after) {
        if (every != null) {
            return after.plus(every);
        }
        ZonedDateTime time = after.atZone(zone).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        ZonedDateTime limit = time.plusYears(5);
        while (time.isBefore(limit)) {
            if (!months.get(time.getMonthValue())) {
                time = time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(time)) {
                time = time.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(time.getHour())) {
                time = time.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(time.getMinute())) {
                time = time.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            } else if (!seconds.get(time.getSecond())) {
                time = time.plusSeconds(1);
            } else {
                return time.toInstant();
            }
        }
        throw new IllegalStateException("The cron schedule never fires.");
    }

    /** Day-of-month and day-of-week combine as in cron: either matches when both are restricted. */
    private boolean dayMatches(ZonedDateTime time) {
        boolean dom = daysOfMonth.get(time.getDayOfMonth());
        boolean dow = daysOfWeek.get(time.getDayOfWeek().getValue() % 7);
        if (daysOfMonthRestricted && daysOfWeekRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }
}
