package dev.jcoder.codersdk;

import java.util.List;

/** The full replacement list of a user's site roles ({@code PUT /users/{user}/roles}). */
public record UpdateRoles(List<String> roles) {
    public UpdateRoles {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
