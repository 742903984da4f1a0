package dev.jcoder.terraform.provider.schema;

import dev.jcoder.terraform.provider.cty.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** SDKv2's stock validation helpers, with their message formats (schema reference §7). */
public final class Validators {

  private static final Pattern UUID =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private Validators() {}

  /** {@code StringInSlice(values, false)}. */
  public static Validator oneOf(String... values) {
    List<String> allowed = List.of(values);
    return (key, value) -> {
      String v = text(value);
      if (allowed.contains(v)) {
        return List.of();
      }
      String list = allowed.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(" "));
      return List.of(Diagnostic.error("expected " + key + " to be one of [" + list + "], got " + v));
    };
  }

  /** {@code IntAtLeast(min)}. */
  public static Validator intAtLeast(long min) {
    return (key, value) -> {
      long v = integer(value);
      return v >= min ? List.of() : List.of(Diagnostic.error("expected " + key + " to be at least (" + min + "), got " + v));
    };
  }

  /** {@code IntBetween(min, max)}. */
  public static Validator intBetween(long min, long max) {
    return (key, value) -> {
      long v = integer(value);
      return v >= min && v <= max
          ? List.of()
          : List.of(Diagnostic.error("expected " + key + " to be in the range (" + min + " - " + max + "), got " + v));
    };
  }

  /** {@code StringLenBetween(min, max)}, counting bytes like Go's len. */
  public static Validator stringLengthBetween(int min, int max) {
    return (key, value) -> {
      String v = text(value);
      int length = v.getBytes(StandardCharsets.UTF_8).length;
      return length >= min && length <= max
          ? List.of()
          : List.of(Diagnostic.error(
              "expected length of " + key + " to be in the range (" + min + " - " + max + "), got " + v));
    };
  }

  /** {@code StringIsNotEmpty}. */
  public static Validator stringIsNotEmpty() {
    return (key, value) -> text(value).isEmpty()
        ? List.of(Diagnostic.error("expected \"" + key + "\" to not be an empty string, got "))
        : List.of();
  }

  /** {@code IsUUID} (hashicorp/go-uuid format). */
  public static Validator isUuid() {
    return (key, value) -> UUID.matcher(text(value)).matches()
        ? List.of()
        : List.of(Diagnostic.error("expected \"" + key + "\" to be a valid UUID, got " + text(value)));
  }

  /** {@code StringMatch(regex, message)}. */
  public static Validator stringMatch(String regex, String message) {
    Pattern pattern = Pattern.compile(regex);
    return (key, value) -> pattern.matcher(text(value)).find()
        ? List.of()
        : List.of(Diagnostic.error("invalid value for " + key + " (" + message + ")"));
  }

  /** coder's {@code helpers.ValidateURL}: whatever Go's url.Parse accepts. */
  public static Validator url() {
    return (key, value) -> GoUrl.parseError(text(value)).map(e -> List.of(Diagnostic.error(e))).orElse(List.of());
  }

  /** A length check in bytes with a fixed message, as coder_app uses for display_name, group and tooltip. */
  public static Validator maxBytes(int max, String message) {
    return (key, value) -> text(value).getBytes(StandardCharsets.UTF_8).length > max
        ? List.of(Diagnostic.error(message))
        : List.of();
  }

  public static String text(Value value) {
    return switch (value) {
      case Value.StringValue s -> s.value();
      case Value.NumberValue n -> n.value().stripTrailingZeros().toPlainString();
      case Value.BoolValue b -> Boolean.toString(b.value());
      default -> "";
    };
  }

  public static long integer(Value value) {
    return value.asNumber().map(BigDecimal::longValue).orElse(0L);
  }

  /** The subset of Go's net/url.Parse checks that matter for icon URLs. */
  public static final class GoUrl {
    private GoUrl() {}

    public static Optional<String> parseError(String url) {
      String prefix = "parse \"" + url + "\": ";
      for (int i = 0; i < url.length(); i++) {
        char c = url.charAt(i);
        if (c < 0x20 || c == 0x7f) {
          return Optional.of(prefix + "net/url: invalid control character in URL");
        }
      }
      String rest = url;
      int hash = rest.indexOf('#');
      if (hash >= 0) {
        Optional<String> fragment = escapeError(rest.substring(hash + 1));
        if (fragment.isPresent()) {
          return fragment.map(prefix::concat);
        }
        rest = rest.substring(0, hash);
      }
      boolean hasScheme = false;
      for (int i = 0; i < rest.length(); i++) {
        char c = rest.charAt(i);
        if (Character.isLetter(c) && c < 128) {
          continue;
        }
        if ((Character.isDigit(c) || c == '+' || c == '-' || c == '.') && i > 0) {
          continue;
        }
        if (c == ':') {
          if (i == 0) {
            return Optional.of(prefix + "missing protocol scheme");
          }
          hasScheme = true;
          rest = rest.substring(i + 1);
        }
        break;
      }
      int query = rest.indexOf('?');
      if (query >= 0) {
        rest = rest.substring(0, query);
      }
      if (!hasScheme && !rest.startsWith("/")) {
        int slash = rest.indexOf('/');
        String segment = slash >= 0 ? rest.substring(0, slash) : rest;
        if (segment.contains(":")) {
          return Optional.of(prefix + "first path segment in URL cannot contain colon");
        }
      }
      return escapeError(rest).map(prefix::concat);
    }

    private static Optional<String> escapeError(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) == '%') {
          if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
            String bad = s.substring(i, Math.min(s.length(), i + 3));
            return Optional.of("invalid URL escape \"" + bad + "\"");
          }
        }
      }
      return Optional.empty();
    }

    private static boolean isHex(char c) {
      return Character.digit(c, 16) >= 0;
    }
  }
}
