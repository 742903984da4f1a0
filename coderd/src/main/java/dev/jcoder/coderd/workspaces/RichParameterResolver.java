package dev.jcoder.coderd.workspaces;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.TemplateVersionParameterOption;
import dev.jcoder.codersdk.WorkspaceBuildParameter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Resolves the value of each rich parameter of a build as Coder does: a preset's value wins; else
 * the value given in the request; else the previous build's (unless the parameter is ephemeral);
 * else the default. It then checks the value: a required parameter must come from the request or
 * the previous build, an immutable one cannot change after creation, the value must be one of the
 * options, match the type (number, bool, list of strings), the regex, min and max, and a monotonic
 * number cannot go the wrong way compared to the previous build. Error sentences are Coder's; the
 * template's {@code validation_error} replaces the generic one where Coder uses it.
 */
final class RichParameterResolver {
    private final Map<String, String> previous;
    private final Map<String, String> requested;
    private final Map<String, String> preset;

    /**
     * @param previous  the previous build's values (empty for a new workspace)
     * @param requested the values given in the request
     * @param preset    the chosen preset's values
     */
    RichParameterResolver(List<WorkspaceBuildParameter> previous, List<WorkspaceBuildParameter> requested,
            Map<String, String> preset) {
        this.previous = toMap(previous);
        this.requested = toMap(requested);
        this.preset = Map.copyOf(preset);
    }

    private static Map<String, String> toMap(List<WorkspaceBuildParameter> values) {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach(value -> map.put(value.name(), value.value()));
        return map;
    }

    /** Why a value was refused, and of which parameter. */
    static final class InvalidParameter extends Exception {
        private final String parameter;

        InvalidParameter(String parameter, String reason) {
            super(reason);
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }

    /** The values of every parameter of the version, in the version's order. */
    List<WorkspaceBuildParameter> resolve(List<TemplateVersionParameter> parameters) throws InvalidParameter {
        for (String name : requested.keySet()) {
            if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
                throw new InvalidParameter(name, "Parameter \"" + name + "\" is not present in the template.");
            }
        }
        List<WorkspaceBuildParameter> resolved = new java.util.ArrayList<>();
        for (TemplateVersionParameter parameter : parameters) {
            resolved.add(new WorkspaceBuildParameter(parameter.name(), resolve(parameter)));
        }
        return resolved;
    }

    private String resolve(TemplateVersionParameter p) throws InvalidParameter {
        if (preset.containsKey(p.name())) {
            return preset.get(p.name());
        }
        Optional<String> given = Optional.ofNullable(requested.get(p.name()));
        Optional<String> before = Optional.ofNullable(previous.get(p.name()));
        if (!p.mutable() && given.isPresent() && before.isPresent() && !given.get().equals(before.get())) {
            throw new InvalidParameter(p.name(), "Parameter \"" + p.name()
                    + "\" is not mutable, so it can't be updated after creating a workspace.");
        }
        if (p.required() && given.isEmpty() && before.isEmpty()) {
            throw new InvalidParameter(p.name(), "Parameter \"" + p.name() + "\" is required but not provided");
        }
        String value = given.or(() -> p.ephemeral() ? Optional.empty() : before).orElse(p.defaultValue());
        try {
            validate(p, value, before);
        } catch (IllegalArgumentException e) {
            String name = p.displayName() == null || p.displayName().isEmpty() ? p.name() : p.displayName();
            throw new InvalidParameter(p.name(), "can't validate build parameter \"" + name + "\": " + e.getMessage());
        }
        return value;
    }

    /** Coder's {@code validateBuildParameter} and the provider's {@code Validation.Valid}. */
    private static void validate(TemplateVersionParameter p, String candidate, Optional<String> before) {
        String value = candidate;
        if (p.required() && value.isEmpty()) {
            throw new IllegalArgumentException("parameter value is required");
        }
        if (value.isEmpty()) {
            value = p.defaultValue();
        }
        if (p.validationMonotonic() != null && before.isPresent() && !before.get().isEmpty()
                && p.type() == dev.jcoder.codersdk.TemplateVersionParameterType.NUMBER) {
            long previousNumber = number(p, before.get());
            long current = number(p, value);
            switch (p.validationMonotonic()) {
                case INCREASING -> {
                    if (previousNumber > current) {
                        throw new IllegalArgumentException(
                                "parameter value must be equal or greater than previous value: " + previousNumber);
                    }
                }
                case DECREASING -> {
                    if (previousNumber < current) {
                        throw new IllegalArgumentException(
                                "parameter value must be equal or lower than previous value: " + previousNumber);
                    }
                }
            }
        }
        if (!p.options().isEmpty()) {
            String finalValue = value;
            if (p.options().stream().noneMatch(option -> option.value().equals(finalValue))) {
                throw new IllegalArgumentException("parameter value must match one of options: "
                        + p.options().stream().map(TemplateVersionParameterOption::value)
                                .collect(Collectors.joining(", ", "[", "]")));
            }
            return;
        }
        switch (p.type()) {
            case BOOL -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException("boolean value can be either \"true\" or \"false\"");
                }
            }
            case STRING -> {
                if (p.validationRegex() != null && !p.validationRegex().isEmpty()) {
                    Pattern regex;
                    try {
                        regex = Pattern.compile(p.validationRegex());
                    } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException("compile regex \"" + p.validationRegex() + "\": " + e.getDescription());
                    }
                    if (!regex.matcher(value).find()) {
                        String error = p.validationError() == null || p.validationError().isEmpty()
                                ? "value does not match the validation regex" : p.validationError();
                        throw new IllegalArgumentException(error + " (value \"" + value + "\" does not match \""
                                + p.validationRegex() + "\")");
                    }
                }
            }
            case NUMBER -> {
                long number = number(p, value);
                if (p.validationMin() != null && number < p.validationMin()) {
                    throw new IllegalArgumentException(rendered(p, value).orElse(
                            "value " + number + " is less than the minimum " + p.validationMin()));
                }
                if (p.validationMax() != null && number > p.validationMax()) {
                    throw new IllegalArgumentException(rendered(p, value).orElse(
                            "value " + number + " is more than the maximum " + p.validationMax()));
                }
            }
            case LIST_STRING -> {
                try {
                    Json.mapper().readValue(value, new TypeReference<List<String>>() {});
                } catch (IOException e) {
                    throw new IllegalArgumentException("value \"" + value + "\" is not valid list of strings");
                }
            }
        }
    }

    private static long number(TemplateVersionParameter p, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(rendered(p, value).orElse("value \"" + value + "\" is not a number"));
        }
    }

    /** The template's {@code validation_error} with {@code {min}}, {@code {max}} and {@code {value}} filled in. */
    private static Optional<String> rendered(TemplateVersionParameter p, String value) {
        if (p.validationError() == null || p.validationError().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(p.validationError()
                .replace("{min}", String.valueOf(p.validationMin() == null ? 0 : p.validationMin()))
                .replace("{max}", String.valueOf(p.validationMax() == null ? 0 : p.validationMax()))
                .replace("{value}", value));
    }
}
