package dev.jcoder.codersdk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user account as the API shows it. */
public record User(
        UUID id,
        String username,
        String avatarUrl,
        String name,
        String email,
        Instant createdAt,
        Instant updatedAt,
        Instant lastSeenAt,
        UserStatus status,
        LoginType loginType,
        String themePreference,
        List<UUID> organizationIds,
        List<SlimRole> roles) {
    public User {
        organizationIds = organizationIds == null ? List.of() : List.copyOf(organizationIds);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
