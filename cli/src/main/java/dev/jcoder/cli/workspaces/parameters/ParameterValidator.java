package dev.jcoder.cli.workspaces.parameters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.TemplateVersionParameterOption;
import dev.jcoder.codersdk.ValidationMonotonicOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a parameter value the way the server will, so that the CLI can ask again (or stop with a
 * clear message) before it sends a build: required, one of the options, the type, the RE2 regex,
 * min/max and the monotonic order against the previous build's value. Messages follow Coder's and
 * use the template's {@code validation_error} where it gives one.
 */
public final class ParameterValidator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParameterValidator() {}

    /** What is wrong with {@code value} for {@code parameter}, if anything; an empty value stands for the default. */
    public static Optional<String> problem(TemplateVersionParameter parameter, String value, Optional<String> previous) {
        String effective = value;
        if (effective.isEmpty()) {
            if (parameter.required()) {
                return Optional.of("a value is required");
            }
            effective = parameter.defaultValue() == null ? "" : parameter.defaultValue();
        }
        Optional<String> typeProblem = typeProblem(parameter, effective);
        if (typeProblem.isPresent()) {
            return typeProblem;
        }
        if (!parameter.options().isEmpty()) {
            Optional<String> optionProblem = optionProblem(parameter, effective);
            if (optionProblem.isPresent()) {
                return optionProblem;
            }
        }
        return switch (parameter.type()) {
            case STRING -> regexProblem(parameter, effective);
            case NUMBER -> numberProblem(parameter, effective, previous);
            case BOOL, LIST_STRING -> Optional.empty();
        };
    }

    /** A {@code list(string)} value's elements; empty when it is not a JSON array of strings. */
    public static Optional<List<String>> stringList(String value) {
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
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> typeProblem(TemplateVersionParameter parameter, String value) {
        return switch (parameter.type()) {
            case STRING -> Optional.empty();
            case NUMBER -> value.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")
                    ? Optional.empty() : Optional.of("\"" + value + "\" is not a number");
            case BOOL -> value.equals("true") || value.equals("false")
                    ? Optional.empty() : Optional.of("boolean value can be either \"true\" or \"false\"");
            case LIST_STRING -> stringList(value).isPresent()
                    ? Optional.empty() : Optional.of("value \"" + value + "\" is not a valid list of strings, e.g. [\"a\",\"b\"]");
        };
    }

    private static Optional<String> optionProblem(TemplateVersionParameter parameter, String value) {
        List<String> allowed = parameter.options().stream().map(TemplateVersionParameterOption::value).toList();
        List<String> chosen = parameter.type() == dev.jcoder.codersdk.TemplateVersionParameterType.LIST_STRING
                ? stringList(value).orElse(List.of()) : List.of(value);
        for (String element : chosen) {
            if (!allowed.contains(element)) {
                return Optional.of("value \"" + element + "\" must be one of the options: "
                        + allowed.stream().map(option -> "\"" + option + "\"").collect(Collectors.joining(", ")));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> regexProblem(TemplateVersionParameter parameter, String value) {
        String regex = parameter.validationRegex();
        if (regex == null || regex.isEmpty()) {
            return Optional.empty();
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Optional.of("the template's regex \"" + regex + "\" does not compile: " + e.getMessage());
        }
        // Go's MatchString searches: the regex is not anchored unless it says so.
        if (pattern.matcher(value).find()) {
            return Optional.empty();
        }
        String error = parameter.validationError();
        return Optional.of((error == null || error.isEmpty() ? "value does not match the template's pattern" : render(error, parameter, value))
                + " (value \"" + value + "\" does not match \"" + regex + "\")");
    }

    private static Optional<String> numberProblem(TemplateVersionParameter parameter, String value,
            Optional<String> previous) {
        Integer min = parameter.validationMin();
        Integer max = parameter.validationMax();
        ValidationMonotonicOrder monotonic = parameter.validationMonotonic();
        if (min == null && max == null && monotonic == null) {
            return Optional.empty();
        }
        Optional<Long> number = integer(value);
        if (number.isEmpty()) {
            return Optional.of(rendered(parameter, value).orElse("value \"" + value + "\" is not a whole number"));
        }
        long n = number.get();
        if (min != null && n < min) {
            return Optional.of(rendered(parameter, value).orElse("value " + n + " is less than the minimum " + min));
        }
        if (max != null && n > max) {
            return Optional.of(rendered(parameter, value).orElse("value " + n + " is more than the maximum " + max));
        }
        Optional<Long> before = previous.flatMap(ParameterValidator::integer);
        if (monotonic != null && before.isPresent()) {
            switch (monotonic) {
                case INCREASING -> {
                    if (n < before.get()) {
                        return Optional.of("parameter value '" + n + "' must be equal or greater than previous value: " + before.get());
                    }
                }
                case DECREASING -> {
                    if (n > before.get()) {
                        return Optional.of("parameter value '" + n + "' must be equal or lower than previous value: " + before.get());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> rendered(TemplateVersionParameter parameter, String value) {
        String error = parameter.validationError();
        return error == null || error.isEmpty() ? Optional.empty() : Optional.of(render(error, parameter, value));
    }

    /** The provider's placeholders in {@code validation.error}: {@code {min}}, {@code {max}}, {@code {value}}. */
    private static String render(String error, TemplateVersionParameter parameter, String value) {
        return error.replace("{min}", String.valueOf(parameter.validationMin() == null ? 0 : parameter.validationMin()))
                .replace("{max}", String.valueOf(parameter.validationMax() == null ? 0 : parameter.validationMax()))
                .replace("{value}", value);
    }

    private static Optional<Long> integer(String text) {
        if (!text.matches("[+-]?\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text.startsWith("+") ? text.substring(1) : text));
    }
}
