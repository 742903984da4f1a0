package dev.jcoder.coderd.rbac;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The object of an authorization question: its type and, where they apply, its owner and
 * organization. An object without an owner or organization is only reachable through site-wide
 * permissions.
 */
public record RbacObject(ResourceType type, Optional<UUID> ownerId, Optional<UUID> organizationId) {
    public RbacObject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(organizationId, "organizationId");
    }

    public static RbacObject of(ResourceType type) {
        return new RbacObject(type, Optional.empty(), Optional.empty());
    }

    public RbacObject ownedBy(UUID owner) {
        return new RbacObject(type, Optional.of(owner), organizationId);
    }

    public RbacObject inOrganization(UUID organization) {
        return new RbacObject(type, ownerId, Optional.of(organization));
    }
}
