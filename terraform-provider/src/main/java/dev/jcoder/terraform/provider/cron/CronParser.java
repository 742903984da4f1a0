package dev.jcoder.terraform.provider.cron;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A robfig/cron v3 parser configured with a field set; parse returns the error text, if any. */
public final class CronParser {

  private record Bounds(int min, int max, Map<String, Integer> names) {}

  private static final Bounds SECONDS = new Bounds(0, 59, Map.of());
  private static final Bounds MINUTES = new Bounds(0, 59, Map.of());
  private static final Bounds HOURS = new Bounds(0, 23, Map.of());
  private static final Bounds DOM = new Bounds(1, 31, Map.of());
  private static final Bounds MONTHS = new Bounds(1, 12, Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
      Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
      Map.entry("nov", 11), Map.entry("dec", 12)));
  private static final Bounds DOW = new Bounds(0, 6, Map.of(
      "sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6));

  private static final Pattern GO_DURATION =
      Pattern.compile("^[-+]?((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h))+$|^0$");

  /** Second | Minute | Hour | Dom | Month | DowOptional | Descriptor, as coder_script uses. */
  public static final CronParser SCRIPT = new CronParser(true, true, true);

  /** Minute | Hour | Dom | Month | Dow: the classic five fields. */
  public static final CronParser STANDARD = new CronParser(false, false, false);

  private final boolean seconds;
  private final boolean optionalDow;
  private final boolean descriptors;

  private CronParser(boolean seconds, boolean optionalDow, boolean descriptors) {
    this.seconds = seconds;
    this.optionalDow = optionalDow;
    this.descriptors = descriptors;
  }

  /** Empty when the spec parses, else robfig's error text. */
  public Optional<String> parse(String spec) {
    if (spec.isEmpty()) {
      return Optional.of("empty spec string");
    }
    String rest = spec;
    if (rest.startsWith("TZ=") || rest.startsWith("CRON_TZ=")) {
      int space = rest.indexOf(' ');
      int equals = rest.indexOf('=');
      String zone = space < 0 ? rest.substring(equals + 1) : rest.substring(equals + 1, space);
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        return Optional.of("provided bad location " + zone + ": unknown time zone " + zone);
      }
      rest = space < 0 ? "" : rest.substring(space).strip();
    }
    if (rest.startsWith("@")) {
      if (!descriptors) {
        return Optional.of("parser does not accept descriptors: " + rest);
      }
      return descriptor(rest);
    }
    List<String> fields = Arrays.stream(rest.trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();
    int max = seconds ? 6 : 5;
    int min = optionalDow ? max - 1 : max;
    if (fields.size() < min || fields.size() > max) {
      String list = "[" + String.join(" ", fields) + "]";
      return Optional.of(min == max
          ? "expected exactly " + min + " fields, found " + fields.size() + ": " + list
          : "expected " + min + " to " + max + " fields, found " + fields.size() + ": " + list);
    }
    List<Bounds> bounds = seconds
        ? List.of(SECONDS, MINUTES, HOURS, DOM, MONTHS, DOW)
        : List.of(MINUTES, HOURS, DOM, MONTHS, DOW);
    for (int i = 0; i < fields.size(); i++) {
      Optional<String> error = field(fields.get(i), bounds.get(i));
      if (error.isPresent()) {
        return error;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> descriptor(String spec) {
    switch (spec) {
      case "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly" -> {
        return Optional.empty();
      }
      default -> {
        if (spec.startsWith("@every ")) {
          String duration = spec.substring("@every ".length());
          return GO_DURATION.matcher(duration).matches()
              ? Optional.empty()
              : Optional.of("failed to parse duration " + spec + ": time: invalid duration \"" + duration + "\"");
        }
        return Optional.of("unrecognized descriptor: " + spec);
      }
    }
  }

  private static Optional<String> field(String field, Bounds bounds) {
    for (String expression : field.split(",", -1)) {
      Optional<String> error = range(expression, bounds);
      if (error.isPresent()) {
        return error;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> range(String expression, Bounds bounds) {
    String[] rangeAndStep = expression.split("/", -1);
    String[] lowAndHigh = rangeAndStep[0].split("-", -1);
    boolean singleDigit = lowAndHigh.length == 1;
    int start;
    int end;
    if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
      start = bounds.min();
      end = bounds.max();
    } else {
      var parsed = number(lowAndHigh[0], bounds);
      if (parsed.error().isPresent()) {
        return parsed.error();
      }
      start = parsed.value();
      if (lowAndHigh.length == 1) {
        end = start;
      } else if (lowAndHigh.length == 2) {
        var high = number(lowAndHigh[1], bounds);
        if (high.error().isPresent()) {
          return high.error();
        }
        end = high.value();
      } else {
        return Optional.of("too many hyphens: " + expression);
      }
    }
    int step = 1;
    if (rangeAndStep.length == 2) {
      var parsed = integer(rangeAndStep[1]);
      if (parsed.error().isPresent()) {
        return parsed.error();
      }
      step = parsed.value();
      if (singleDigit && !lowAndHigh[0].equals("*") && !lowAndHigh[0].equals("?")) {
        end = bounds.max();
      }
    } else if (rangeAndStep.length > 2) {
      return Optional.of("too many slashes: " + expression);
    }
    if (start < bounds.min()) {
      return Optional.of("beginning of range (" + start + ") below minimum (" + bounds.min() + "): " + expression);
    }
    if (end > bounds.max()) {
      return Optional.of("end of range (" + end + ") above maximum (" + bounds.max() + "): " + expression);
    }
    if (start > end) {
      return Optional.of("beginning of range (" + start + ") beyond end of range (" + end + "): " + expression);
    }
    if (step == 0) {
      return Optional.of("step of range should be a positive number: " + expression);
    }
    return Optional.empty();
  }

  private record Parsed(int value, Optional<String> error) {}

  private static Parsed number(String text, Bounds bounds) {
    Integer named = bounds.names().get(text.toLowerCase(Locale.ROOT));
    if (named != null) {
      return new Parsed(named, Optional.empty());
    }
    return integer(text);
  }

  private static Parsed integer(String text) {
    try {
      int value = Integer.parseInt(text);
      if (value < 0) {
        return new Parsed(0, Optional.of("negative number (" + value + ") not allowed: " + text));
      }
      return new Parsed(value, Optional.empty());
    } catch (NumberFormatException e) {
      return new Parsed(0, Optional.of(
          "failed to parse int from " + text + ": strconv.Atoi: parsing \"" + text + "\": invalid syntax"));
    }
  }
}
