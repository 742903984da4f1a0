package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The type of a rich parameter ({@code coder_parameter}). */
public enum TemplateVersionParameterType {
    STRING("string"),
    NUMBER("number"),
    BOOL("bool"),
    LIST_STRING("list(string)");

    private final String value;

    TemplateVersionParameterType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static TemplateVersionParameterType fromValue(String value) {
        return Enums.fromValue(TemplateVersionParameterType.class, value, TemplateVersionParameterType::value);
    }
}
