package dev.jcoder.coderd.rbac;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who is acting: a user with site roles and organization memberships, or a named system actor.
 * System actors hold every permission; each one names the job it does so that its uses can be found.
 */
public record Subject(UUID id, String name, Set<String> siteRoles, Map<UUID, Set<String>> organizationRoles, boolean system) {
    private static final UUID SYSTEM_ID = new UUID(0, 0);

    public Subject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        siteRoles = Set.copyOf(siteRoles);
        organizationRoles = Map.copyOf(organizationRoles);
    }

    public static Subject user(UUID id, String username, Set<String> siteRoles, Map<UUID, Set<String>> organizationRoles) {
        return new Subject(id, username, siteRoles, organizationRoles, false);
    }

    /** No one: holds no roles and owns nothing. The starting point before a caller is known. */
    public static Subject nobody() {
        return new Subject(UUID.randomUUID(), "nobody", Set.of(), Map.of(), false);
    }

    /** A system actor doing one named job, e.g. {@code "api key validation"}. */
    public static Subject system(String job) {
        return new Subject(SYSTEM_ID, "system: " + job, Set.of(Roles.OWNER), Map.of(), true);
    }

    public boolean isMemberOf(UUID organizationId) {
        return organizationRoles.containsKey(organizationId);
    }
}
