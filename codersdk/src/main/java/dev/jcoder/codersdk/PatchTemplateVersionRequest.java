package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code PATCH /templateversions/{id}}: a new name and, when not null, a new message. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatchTemplateVersionRequest(String name, String message) {}
