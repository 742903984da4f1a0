package dev.jcoder.cli.workspaces.schedule;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * One field of a standard five-field cron expression, as the cron library behind Coder's
 * schedules reads it: {@code *}, {@code ?}, numbers, ranges {@code a-b}, steps {@code * /n},
 * {@code a/n}, {@code a-b/n} and comma lists; day-of-week and month also take English
 * three-letter names.
 */
record CronField(String name, BitSet values) {
    static final List<String> DAY_NAMES = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    private static final List<String> MONTH_NAMES = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    static CronField minute(String text) {
        return parse("minute", text, 0, 59, List.of());
    }

    static CronField hour(String text) {
        return parse("hour", text, 0, 23, List.of());
    }

    static CronField dayOfMonth(String text) {
        return parse("day-of-month", text, 1, 31, List.of());
    }

    static CronField month(String text) {
        return parse("month", text, 1, 12, MONTH_NAMES);
    }

    static CronField dayOfWeek(String text) {
        return parse("day-of-week", text, 0, 6, DAY_NAMES);
    }

    boolean matches(int value) {
        return values.get(value);
    }

    private static CronField parse(String name, String text, int min, int max, List<String> names) {
        BitSet values = new BitSet(max + 1);
        if (text.isEmpty()) {
            throw invalid(name, text, "it is empty");
        }
        for (String part : text.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(name, part.substring(slash + 1), text);
                if (step <= 0) {
                    throw invalid(name, text, "the step must be positive");
                }
            }
            int low;
            int high;
            if (range.equals("*") || range.equals("?")) {
                low = min;
                high = max;
            } else {
                int dash = range.indexOf('-');
                if (dash >= 0) {
                    low = value(name, range.substring(0, dash), names, min, text);
                    high = value(name, range.substring(dash + 1), names, min, text);
                } else {
                    low = value(name, range, names, min, text);
                    // "a/n" runs from a to the field's maximum.
                    high = slash >= 0 ? max : low;
                }
            }
            if (low < min || high > max) {
                throw invalid(name, text, "values must be between " + min + " and " + max);
            }
            if (low > high) {
                throw invalid(name, text, "the range " + low + "-" + high + " is backwards");
            }
            for (int v = low; v <= high; v += step) {
                values.set(v);
            }
        }
        return new CronField(name, values);
    }

    private static int value(String field, String token, List<String> names, int min, String text) {
        int index = names.indexOf(token.toLowerCase(Locale.ROOT));
        if (index >= 0) {
            return index + min;
        }
        return number(field, token, text);
    }

    private static int number(String field, String token, String text) {
        if (!token.matches("\\d{1,9}")) {
            throw invalid(field, text, "\"" + token + "\" is not a number");
        }
        return Integer.parseInt(token);
    }

    private static IllegalArgumentException invalid(String field, String text, String why) {
        return new IllegalArgumentException("Invalid " + field + " \"" + text + "\" in the schedule: " + why + ".");
    }
}
