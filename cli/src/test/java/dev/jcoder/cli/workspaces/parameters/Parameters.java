package dev.jcoder.cli.workspaces.parameters;

import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.TemplateVersionParameterOption;
import dev.jcoder.codersdk.TemplateVersionParameterType;
import dev.jcoder.codersdk.ValidationMonotonicOrder;
import java.util.Arrays;
import java.util.List;

/** Template parameters for tests, built step by step from a plain mutable string parameter. */
record Parameters(String name, TemplateVersionParameterType type, String defaultValue, boolean mutable, boolean required,
        boolean ephemeral, List<TemplateVersionParameterOption> options, String regex, String error, Integer min, Integer max,
        ValidationMonotonicOrder monotonic) {

    static Parameters string(String name) {
        return new Parameters(name, TemplateVersionParameterType.STRING, "", true, false, false, List.of(), "", "", null, null, null);
    }

    static Parameters of(String name, TemplateVersionParameterType type) {
        return string(name).type(type);
    }

    Parameters type(TemplateVersionParameterType value) {
        return new Parameters(name, value, defaultValue, mutable, required, ephemeral, options, regex, error, min, max, monotonic);
    }

    Parameters defaultValue(String value) {
        return new Parameters(name, type, value, mutable, required, ephemeral, options, regex, error, min, max, monotonic);
    }

    Parameters immutable() {
        return new Parameters(name, type, defaultValue, false, required, ephemeral, options, regex, error, min, max, monotonic);
    }

    Parameters asRequired() {
        return new Parameters(name, type, defaultValue, mutable, true, ephemeral, options, regex, error, min, max, monotonic);
    }

    Parameters asEphemeral() {
        return new Parameters(name, type, defaultValue, mutable, required, true, options, regex, error, min, max, monotonic);
    }

    /** Options named after their values, upper-cased ("eu" is "EU"). */
    Parameters options(String... values) {
        return new Parameters(name, type, defaultValue, mutable, required, ephemeral, Arrays.stream(values)
                .map(value -> new TemplateVersionParameterOption(value.toUpperCase(java.util.Locale.ROOT), "", value, ""))
                .toList(), regex, error, min, max, monotonic);
    }

    Parameters regex(String value, String message) {
        return new Parameters(name, type, defaultValue, mutable, required, ephemeral, options, value, message, min, max, monotonic);
    }

    Parameters range(Integer low, Integer high, String message) {
        return new Parameters(name, type, defaultValue, mutable, required, ephemeral, options, regex, message, low, high, monotonic);
    }

    Parameters monotonic(ValidationMonotonicOrder order) {
        return new Parameters(name, type, defaultValue, mutable, required, ephemeral, options, regex, error, min, max, order);
    }

    TemplateVersionParameter build() {
        return new TemplateVersionParameter(name, "", "The " + name + ".", "The " + name + ".", type, mutable, defaultValue, "",
                options, error, regex, min, max, monotonic, required, ephemeral);
    }
}
