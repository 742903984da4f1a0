package dev.jcoder.terraform.provider.cron;

import java.util.BitSet;

/**
 * coder's {@code helpers.SchedulesOverlap} for preset schedules ("* HOUR DOM MONTH DOW"): its own
 * tiny parser that knows only {@code *}, numbers, ranges and comma lists, lower bound always 0.
 */
public final class ScheduleOverlap {

  private ScheduleOverlap() {}

  /** Thrown with coder's message when a field does not parse. */
  public static final class InvalidSchedule extends Exception {
    InvalidSchedule(String message) {
      super(message);
    }
  }

  public static boolean overlap(String first, String second) throws InvalidSchedule {
    String[] a = first.trim().split("\\s+");
    String[] b = second.trim().split("\\s+");
    if (a.length != 5 || b.length != 5) {
      throw new InvalidSchedule("invalid cron format: expected 5 fields");
    }
    boolean months = parse(a[3], 12).intersects(parse(b[3], 12));
    boolean hours = parse(a[1], 23).intersects(parse(b[1], 23));
    boolean days;
    BitSet domA = parse(a[2], 31);
    BitSet domB = parse(b[2], 31);
    BitSet dowA = parse(a[4], 6);
    BitSet dowB = parse(b[4], 6);
    if (a[2].equals("*") || b[2].equals("*")) {
      days = dowA.intersects(dowB);
    } else if (a[4].equals("*") || b[4].equals("*")) {
      days = domA.intersects(domB);
    } else {
      days = domA.intersects(domB) || dowA.intersects(dowB);
    }
    return months && days && hours;
  }

  private static BitSet parse(String field, int max) throws InvalidSchedule {
    BitSet values = new BitSet(max + 1);
    if (field.equals("*")) {
      values.set(0, max + 1);
      return values;
    }
    for (String part : field.split(",")) {
      int dash = part.indexOf('-');
      if (dash >= 0) {
        int start = number(part.substring(0, dash), part);
        int end = number(part.substring(dash + 1), part);
        if (start < 0 || end > max || start > end) {
          throw new InvalidSchedule("invalid range " + start + "-" + end + ": values must be between 0 and " + max);
        }
        values.set(start, end + 1);
      } else {
        int value = number(part, part);
        if (value < 0 || value > max) {
          throw new InvalidSchedule("invalid value " + value + ": must be between 0 and " + max);
        }
        values.set(value);
      }
    }
    return values;
  }

  private static int number(String text, String part) throws InvalidSchedule {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new InvalidSchedule("invalid value " + part);
    }
  }
}
