package dev.jcoder.cli;

/** Terminal styling: colors only when writing to a terminal and {@code NO_COLOR} is unset. */
public final class Style {
    private static final boolean COLOR = System.console() != null && System.getenv("NO_COLOR") == null;

    private Style() {}

    public static String error(String text) {
        return COLOR ? "\u001b[31m" + text + "\u001b[0m" : text;
    }

    public static String bold(String text) {
        return COLOR ? "\u001b[1m" + text + "\u001b[0m" : text;
    }

    public static String faint(String text) {
        return COLOR ? "\u001b[2m" + text + "\u001b[0m" : text;
    }
}
