package dev.jcoder.codersdk;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /users}. {@code loginType} defaults to {@code password}, which needs a password;
 * {@code none} creates an account that can only use API tokens.
 */
public record CreateUserRequest(
        String email,
        String username,
        String name,
        String password,
        LoginType loginType,
        UUID organizationId,
        List<UUID> organizationIds) {
    public CreateUserRequest {
        organizationIds = organizationIds == null ? List.of() : List.copyOf(organizationIds);
    }

    public CreateUserRequest(String email, String username, String name, String password) {
        this(email, username, name, password, LoginType.PASSWORD, null, List.of());
    }
}
