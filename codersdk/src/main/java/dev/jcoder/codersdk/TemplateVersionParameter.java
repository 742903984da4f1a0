package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A rich parameter ({@code coder_parameter}) of a template version. {@code validation_min} and
 * {@code validation_max} are null when not set.
 */
public record TemplateVersionParameter(
        String name,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String displayName,
        String description,
        String descriptionPlaintext,
        TemplateVersionParameterType type,
        boolean mutable,
        String defaultValue,
        String icon,
        List<TemplateVersionParameterOption> options,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String validationError,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String validationRegex,
        Integer validationMin,
        Integer validationMax,
        @JsonInclude(JsonInclude.Include.NON_NULL) ValidationMonotonicOrder validationMonotonic,
        boolean required,
        boolean ephemeral) {
    public TemplateVersionParameter {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
