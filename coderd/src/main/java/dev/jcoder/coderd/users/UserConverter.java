package dev.jcoder.coderd.users;

import dev.jcoder.coderd.rbac.Roles;
import dev.jcoder.coderd.store.OrganizationMemberRow;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.coderd.store.UserRow;
import dev.jcoder.codersdk.SlimRole;
import dev.jcoder.codersdk.User;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns user rows into the API's {@link User}. */
public final class UserConverter {
    private UserConverter() {}

    public static User toSdk(UserRow row, List<UUID> organizationIds) {
        return new User(row.id(), row.username(), row.avatarUrl(), row.name(), row.email(), row.createdAt(),
                row.updatedAt(), row.lastSeenAt(), row.status(), row.loginType(), row.themePreference(),
                organizationIds, siteRoles(row.rbacRoles()));
    }

    /** One user, with organization ids read through {@code store}. */
    public static User toSdk(Store store, UserRow row) {
        return toSdk(row, store.getOrganizationMembershipsByUserID(row.id()).stream()
                .map(OrganizationMemberRow::organizationId).toList());
    }

    /** Many users with one query for their organizations. */
    public static List<User> toSdk(Store store, List<UserRow> rows) {
        Map<UUID, List<UUID>> organizations = store.getOrganizationMembershipsByUserIDs(rows.stream().map(UserRow::id).toList())
                .stream()
                .collect(Collectors.groupingBy(OrganizationMemberRow::userId,
                        Collectors.mapping(OrganizationMemberRow::organizationId, Collectors.toList())));
        return rows.stream().map(row -> toSdk(row, organizations.getOrDefault(row.id(), List.of()))).toList();
    }

    public static List<SlimRole> siteRoles(List<String> names) {
        return names.stream()
                .map(name -> new SlimRole(name, Roles.byName(name).map(role -> role.displayName()).orElse(name)))
                .toList();
    }
}
