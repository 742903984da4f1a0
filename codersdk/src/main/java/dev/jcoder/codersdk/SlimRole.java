package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A role held by a user: its name, display name and, for organization roles, the organization. */
public record SlimRole(
        String name,
        String displayName,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String organizationId) {
    public SlimRole {
        organizationId = organizationId == null ? "" : organizationId;
    }

    public SlimRole(String name, String displayName) {
        this(name, displayName, "");
    }
}
