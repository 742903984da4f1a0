package dev.jcoder.codersdk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A member of an organization with the user's public details and site roles. */
public record OrganizationMemberWithUserData(
        UUID userId,
        UUID organizationId,
        Instant createdAt,
        Instant updatedAt,
        List<SlimRole> roles,
        String username,
        String name,
        String avatarUrl,
        String email,
        List<SlimRole> globalRoles) {
    public OrganizationMemberWithUserData {
        roles = List.copyOf(roles);
        globalRoles = List.copyOf(globalRoles);
    }
}
