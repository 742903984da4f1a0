package dev.jcoder.coderd.rbac;

import static dev.jcoder.coderd.rbac.Action.*;
import static dev.jcoder.coderd.rbac.ResourceType.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Coder's built-in site roles. Every user implicitly holds {@code member}; the others are assigned.
 * The permissions follow Coder's documentation of what each role can do.
 */
public final class Roles {
    public static final String OWNER = "owner";
    public static final String MEMBER = "member";
    public static final String USER_ADMIN = "user-admin";
    public static final String TEMPLATE_ADMIN = "template-admin";
    public static final String AUDITOR = "auditor";

    private static final Permission.Scope SITE_WIDE = Permission.Scope.SITE;
    private static final Permission.Scope IN_ORGANIZATION = Permission.Scope.ORGANIZATION;
    private static final Permission.Scope OWNED = Permission.Scope.OWNER;

    private static final Map<String, Role> BUILT_IN = new LinkedHashMap<>();

    static {
        add(new Role(OWNER, "Owner",
                List.of(new Permission(WILDCARD, Set.of(), SITE_WIDE)),
                Set.of(OWNER, USER_ADMIN, TEMPLATE_ADMIN, AUDITOR)));
        add(new Role(USER_ADMIN, "User Admin",
                List.of(new Permission(USER, Set.of(), SITE_WIDE),
                        new Permission(ORGANIZATION_MEMBER, Set.of(), SITE_WIDE),
                        new Permission(ASSIGN_ROLE, Set.of(ASSIGN, READ), SITE_WIDE)),
                Set.of(USER_ADMIN, TEMPLATE_ADMIN, AUDITOR)));
        add(new Role(TEMPLATE_ADMIN, "Template Admin",
                List.of(new Permission(TEMPLATE, Set.of(), SITE_WIDE),
                        new Permission(FILE, Set.of(), SITE_WIDE),
                        new Permission(PROVISIONER_JOBS, Set.of(READ), SITE_WIDE),
                        new Permission(WORKSPACE, Set.of(READ), SITE_WIDE),
                        new Permission(USER, Set.of(READ), SITE_WIDE),
                        new Permission(ORGANIZATION_MEMBER, Set.of(READ), SITE_WIDE)),
                Set.of()));
        add(new Role(AUDITOR, "Auditor",
                List.of(new Permission(AUDIT_LOG, Set.of(READ), SITE_WIDE),
                        new Permission(TEMPLATE, Set.of(READ), SITE_WIDE),
                        new Permission(USER, Set.of(READ), SITE_WIDE),
                        new Permission(ORGANIZATION_MEMBER, Set.of(READ), SITE_WIDE)),
                Set.of()));
        add(new Role(MEMBER, "Member",
                // As in Coder, members can look up other users (to see who owns what), but change only themselves.
                List.of(new Permission(USER, Set.of(READ), SITE_WIDE),
                        new Permission(USER, Set.of(READ_PERSONAL, UPDATE_PERSONAL), OWNED),
                        new Permission(API_KEY, Set.of(), OWNED),
                        new Permission(WORKSPACE, Set.of(), OWNED),
                        new Permission(FILE, Set.of(CREATE, READ), OWNED),
                        new Permission(ResourceType.ORGANIZATION, Set.of(READ), IN_ORGANIZATION),
                        new Permission(ORGANIZATION_MEMBER, Set.of(READ), IN_ORGANIZATION),
                        new Permission(TEMPLATE, Set.of(READ, USE), IN_ORGANIZATION),
                        new Permission(ASSIGN_ROLE, Set.of(READ), SITE_WIDE)),
                Set.of()));
    }

    private Roles() {}

    private static void add(Role role) {
        BUILT_IN.put(role.name(), role);
    }

    public static Optional<Role> byName(String name) {
        return Optional.ofNullable(BUILT_IN.get(name));
    }

    /** The roles an administrator can hand out: every built-in role except the implicit member. */
    public static List<Role> assignableSiteRoles() {
        return BUILT_IN.values().stream().filter(role -> !role.name().equals(MEMBER)).toList();
    }

    public static Role member() {
        return BUILT_IN.get(MEMBER);
    }
}
