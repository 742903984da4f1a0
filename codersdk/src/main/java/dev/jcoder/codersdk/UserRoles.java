package dev.jcoder.codersdk;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A user's site roles and organization roles by organization id. */
public record UserRoles(List<String> roles, Map<UUID, List<String>> organizationRoles) {
    public UserRoles {
        roles = List.copyOf(roles);
        organizationRoles = Map.copyOf(organizationRoles);
    }
}
