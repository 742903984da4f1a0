package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.LoginType;
import dev.jcoder.codersdk.UserStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of {@code users}. {@code hashedPassword} is empty for accounts without a password. */
public record UserRow(
        UUID id,
        String email,
        String username,
        String name,
        String avatarUrl,
        String hashedPassword,
        LoginType loginType,
        UserStatus status,
        List<String> rbacRoles,
        String themePreference,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt,
        Instant lastSeenAt) {
    public UserRow {
        rbacRoles = List.copyOf(rbacRoles);
    }

    public UserRow withStatus(UserStatus newStatus, Instant now) {
        return new UserRow(id, email, username, name, avatarUrl, hashedPassword, loginType, newStatus, rbacRoles,
                themePreference, deleted, createdAt, now, lastSeenAt);
    }
}
