package dev.jcoder.terraform.provider.datasources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code validation} block of {@code coder_parameter}, checked like the provider's
 * {@code Validation.Valid}; messages are the real provider's.
 */
record ParameterValidation(
    long min, boolean minDisabled, long max, boolean maxDisabled, String monotonic, String regex, String error) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> GO_BOOLS = Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE",
      "false", "False");
  private static final java.util.regex.Pattern GO_FLOAT = java.util.regex.Pattern.compile(
      "^[+-]?((\\d+(_\\d+)*(\\.(\\d+(_\\d+)*)?)?|\\.\\d+)([eE][+-]?\\d+)?|(?i:inf|infinity|nan)"
          + "|0[xX]([0-9a-fA-F]+(\\.[0-9a-fA-F]*)?|\\.[0-9a-fA-F]+)[pP][+-]?\\d+)$");

  static ParameterValidation from(dev.jcoder.terraform.provider.cty.Value validation) {
    ObjectValue v = (ObjectValue) validation;
    return new ParameterValidation(
        v.number("min").map(BigDecimal::longValue).orElse(0L),
        v.bool("min_disabled").orElse(true),
        v.number("max").map(BigDecimal::longValue).orElse(0L),
        v.bool("max_disabled").orElse(true),
        v.string("monotonic").orElse(""),
        v.string("regex").orElse(""),
        v.string("error").orElse(""));
  }

  Optional<String> check(String type, String value, Optional<String> previous) {
    if (!type.equals("number")) {
      if (!minDisabled) {
        return Optional.of("a min cannot be specified for a " + type + " type");
      }
      if (!maxDisabled) {
        return Optional.of("a max cannot be specified for a " + type + " type");
      }
      if (!monotonic.isEmpty()) {
        return Optional.of("monotonic validation can only be specified for number types, not " + type + " types");
      }
    }
    if (!type.equals("string") && !regex.isEmpty()) {
      return Optional.of("a regex cannot be specified for a " + type + " type");
    }
    return switch (type) {
      case "bool" -> value.equals("true") || value.equals("false")
          ? Optional.empty()
          : Optional.of("boolean value can be either \"true\" or \"false\"");
      case "string" -> checkRegex(value);
      case "number" -> checkNumber(value, previous);
      case "list(string)" -> stringList(value).isPresent()
          ? Optional.empty()
          : Optional.of("value \"" + value + "\" is not valid list of strings");
      default -> Optional.empty();
    };
  }

  private Optional<String> checkRegex(String value) {
    if (regex.isEmpty()) {
      return Optional.empty();
    }
    if (error.isEmpty()) {
      return Optional.of("an error must be specified with a regex validation");
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return Optional.of("compile regex <nil>: " + e.getMessage());
    }
    // Go's MatchString searches; it is not anchored.
    return pattern.matcher(value).find()
        ? Optional.empty()
        : Optional.of(error + " (value \"" + value + "\" does not match \"" + regex + "\")");
  }

  private Optional<String> checkNumber(String value, Optional<String> previous) {
    Optional<Long> number = atoi(value);
    if (number.isEmpty()) {
      return Optional.of(rendered(value).orElse("value \"" + value + "\" is not a number"));
    }
    long n = number.get();
    if (!minDisabled && n < min) {
      return Optional.of(rendered(value).orElse("value " + n + " is less than the minimum " + min));
    }
    if (!maxDisabled && n > max) {
      return Optional.of(rendered(value).orElse("value " + n + " is more than the maximum " + max));
    }
    if (!monotonic.isEmpty() && !monotonic.equals("increasing") && !monotonic.equals("decreasing")) {
      return Optional.of("number monotonicity can be either \"increasing\" or \"decreasing\"");
    }
    Optional<Long> before = previous.flatMap(ParameterValidation::atoi);
    if (before.isPresent()) {
      if (monotonic.equals("increasing") && n < before.get()) {
        return Optional.of("parameter value '" + n + "' must be equal or greater than previous value: " + before.get());
      }
      if (monotonic.equals("decreasing") && n > before.get()) {
        return Optional.of("parameter value '" + n + "' must be equal or lower than previous value: " + before.get());
      }
    }
    return Optional.empty();
  }

  private Optional<String> rendered(String value) {
    if (error.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(error.replace("{min}", Long.toString(min)).replace("{max}", Long.toString(max))
        .replace("{value}", value));
  }

  /** Go's strconv.Atoi: an optional sign and decimal digits only. */
  private static Optional<Long> atoi(String text) {
    if (!text.matches("[+-]?\\d+")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text.startsWith("+") ? text.substring(1) : text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<List<String>> stringList(String value) {
    try {
      JsonNode node = JSON.readTree(value);
      if (node == null || !node.isArray()) {
        return Optional.empty();
      }
      List<String> strings = new ArrayList<>();
      for (JsonNode element : node) {
        if (!element.isTextual()) {
          return Optional.empty();
        }
        strings.add(element.textValue());
      }
      return Optional.of(strings);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** valueIsType: the detail of the type error, when the value is not of the type. */
  static Optional<String> typeError(String type, String value) {
    return switch (type) {
      case "number" -> GO_FLOAT.matcher(value).matches()
          ? Optional.empty()
          : Optional.of("\"" + value + "\" is not a number");
      case "bool" -> GO_BOOLS.contains(value) ? Optional.empty() : Optional.of("\"" + value + "\" is not a bool");
      case "list(string)" -> stringList(value).isPresent()
          ? Optional.empty()
          : Optional.of("value \"" + value + "\" is not a valid list of strings");
      default -> Optional.empty();
    };
  }
}
