package dev.jcoder.coderd.auth;

import java.util.Optional;

/**
 * Coder's password strength rule: at most 64 characters and an estimated entropy of at least 52
 * bits. Entropy is estimated as Coder's validator does: the size of the character classes used,
 * raised to the length once runs of repeated characters and keyboard or alphabet sequences longer
 * than two are discounted.
 */
public final class PasswordPolicy {
    public static final double MIN_ENTROPY_BITS = 52;
    public static final int MAX_LENGTH = 64;

    private static final String REPLACE_CHARS = "!@$&*";
    private static final String SEPARATOR_CHARS = "_-., ";
    private static final String OTHER_SPECIAL_CHARS = "\"#%'()+/:;<=>?[\\]^{|}~";
    private static final String[] SEQUENCES = {
        "0123456789", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz"
    };

    private PasswordPolicy() {}

    /** Why the password is not acceptable, or empty when it is. */
    public static Optional<String> problem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Password is required.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Password must be at most " + MAX_LENGTH + " characters long.");
        }
        if (entropy(password) < MIN_ENTROPY_BITS) {
            return Optional.of("insecure password, try including more special characters, using uppercase letters, "
                    + "using numbers or using a longer password");
        }
        return Optional.empty();
    }

    static double entropy(String password) {
        int base = base(password);
        int length = effectiveLength(password);
        if (base == 0 || length == 0) {
            return 0;
        }
        return length * (Math.log(base) / Math.log(2));
    }

    private static int base(String password) {
        boolean replace = false, separator = false, otherSpecial = false, lower = false, upper = false, digit = false;
        int other = 0;
        for (char c : password.toCharArray()) {
            if (REPLACE_CHARS.indexOf(c) >= 0) {
                replace = true;
            } else if (SEPARATOR_CHARS.indexOf(c) >= 0) {
                separator = true;
            } else if (OTHER_SPECIAL_CHARS.indexOf(c) >= 0) {
                otherSpecial = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other++;
            }
        }
        int base = other;
        if (replace) base += REPLACE_CHARS.length();
        if (separator) base += SEPARATOR_CHARS.length();
        if (otherSpecial) base += OTHER_SPECIAL_CHARS.length();
        if (lower) base += 26;
        if (upper) base += 26;
        if (digit) base += 10;
        return base;
    }

    private static int effectiveLength(String password) {
        String reduced = withoutLongRuns(password);
        for (String sequence : SEQUENCES) {
            reduced = withoutLongSequences(reduced, sequence);
            reduced = withoutLongSequences(reduced, new StringBuilder(sequence).reverse().toString());
        }
        return reduced.length();
    }

    /** "aaaa" counts as "aa". */
    private static String withoutLongRuns(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            int n = out.length();
            if (n >= 2 && out.charAt(n - 1) == text.charAt(i) && out.charAt(n - 2) == text.charAt(i)) {
                continue;
            }
            out.append(text.charAt(i));
        }
        return out.toString();
    }

    /** "abcdef" counts as "ab": runs of three or more along a sequence keep only their first two. */
    private static String withoutLongSequences(String text, String sequence) {
        StringBuilder out = new StringBuilder();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        int i = 0;
        while (i < text.length()) {
            int run = 1;
            while (i + run < text.length()) {
                int previous = sequence.indexOf(lower.charAt(i + run - 1));
                if (previous < 0 || previous + 1 >= sequence.length() || sequence.charAt(previous + 1) != lower.charAt(i + run)) {
                    break;
                }
                run++;
            }
            out.append(text, i, i + Math.min(run, run >= 3 ? 2 : run));
            i += run;
        }
        return out.toString();
    }
}
