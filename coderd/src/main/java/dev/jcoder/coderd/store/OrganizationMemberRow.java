package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of {@code organization_members}: a user's membership and organization roles. */
public record OrganizationMemberRow(
        UUID organizationId, UUID userId, List<String> roles, Instant createdAt, Instant updatedAt) {
    public OrganizationMemberRow {
        roles = List.copyOf(roles);
    }
}
