package dev.jcoder.cli.users;

import dev.jcoder.cli.output.Column;
import dev.jcoder.codersdk.SlimRole;
import dev.jcoder.codersdk.User;
import java.util.List;

/** The columns users are shown with, named as Coder's. */
final class UserColumns {
    static final Column<User> ID = new Column<>("id", User::id);
    static final Column<User> USERNAME = new Column<>("username", User::username);
    static final Column<User> NAME = new Column<>("name", User::name);
    static final Column<User> EMAIL = new Column<>("email", User::email);
    static final Column<User> CREATED_AT = new Column<>("created at", User::createdAt);
    static final Column<User> UPDATED_AT = new Column<>("updated at", User::updatedAt);
    static final Column<User> LAST_SEEN_AT = new Column<>("last seen at", User::lastSeenAt);
    static final Column<User> STATUS = new Column<>("status", user -> user.status().value());
    static final Column<User> LOGIN_TYPE = new Column<>("login type", user -> user.loginType().value());
    static final Column<User> ROLES = new Column<>("roles", user -> user.roles().stream().map(SlimRole::name).toList());
    static final Column<User> ORGANIZATIONS = new Column<>("organizations", User::organizationIds);

    static final List<Column<User>> ALL = List.of(ID, USERNAME, NAME, EMAIL, CREATED_AT, UPDATED_AT, LAST_SEEN_AT, STATUS,
            LOGIN_TYPE, ROLES, ORGANIZATIONS);

    private UserColumns() {}
}
