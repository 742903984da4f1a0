package dev.jcoder.coderd.store;

import dev.jcoder.coderd.errors.Conflict;
import dev.jcoder.codersdk.UserStatus;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link Store} on PostgreSQL through JDBI. Outside a transaction each call takes a pooled
 * connection; inside {@link #inTransaction} every call uses the transaction's handle.
 */
public final class PostgresStore implements Store {
    /** Unique indexes whose violation is the caller's mistake, with the sentence that explains it. */
    private static final Map<String, String> UNIQUE_VIOLATIONS = Map.of(
            "users_email_lower_idx", "A user with this email address already exists.",
            "users_username_lower_idx", "A user with this username already exists.",
            "api_keys_user_token_name_idx", "A token with this name already exists.",
            "organizations_name_lower_idx", "An organization with this name already exists.");

    private final Jdbi jdbi;
    private final Optional<Handle> transaction;

    public PostgresStore(Jdbi jdbi) {
        this(registerMappers(jdbi), Optional.empty());
    }

    private PostgresStore(Jdbi jdbi, Optional<Handle> transaction) {
        this.jdbi = jdbi;
        this.transaction = transaction;
    }

    private static Jdbi registerMappers(Jdbi jdbi) {
        for (Class<?> row : List.of(UserRow.class, OrganizationRow.class, OrganizationMemberRow.class, ApiKeyRow.class,
                GitSshKeyRow.class)) {
            jdbi.registerRowMapper(ConstructorMapper.factory(row));
        }
        return jdbi;
    }

    @Override
    public <T> T inTransaction(Function<Store, T> work) {
        if (transaction.isPresent()) {
            return work.apply(this);
        }
        return jdbi.inTransaction(handle -> work.apply(new PostgresStore(jdbi, Optional.of(handle))));
    }

    private <T> T withHandle(Function<Handle, T> work) {
        try {
            if (transaction.isPresent()) {
                return work.apply(transaction.get());
            }
            return jdbi.withHandle(work::apply);
        } catch (UnableToExecuteStatementException e) {
            throw translate(e);
        }
    }

    private void useHandle(java.util.function.Consumer<Handle> work) {
        withHandle(handle -> {
            work.accept(handle);
            return null;
        });
    }

    private static RuntimeException translate(UnableToExecuteStatementException e) {
        if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
            for (Map.Entry<String, String> violation : UNIQUE_VIOLATIONS.entrySet()) {
                if (sql.getMessage().contains(violation.getKey())) {
                    return new Conflict(violation.getValue());
                }
            }
        }
        return e;
    }

    @Override
    public void acquireLock(long key) {
        useHandle(h -> h.execute("SELECT pg_advisory_xact_lock(?)", key));
    }

    // ---- deployment ----

    @Override
    public Optional<String> getDeploymentID() {
        return withHandle(h -> h.createQuery("SELECT value FROM site_configs WHERE key = 'deployment_id'")
                .mapTo(String.class).findOne());
    }

    @Override
    public void insertDeploymentID(String id) {
        useHandle(h -> h.createUpdate("INSERT INTO site_configs (key, value) VALUES ('deployment_id', :id) ON CONFLICT DO NOTHING")
                .bind("id", id).execute());
    }

    // ---- organizations ----

    @Override
    public Optional<OrganizationRow> getDefaultOrganization() {
        return withHandle(h -> h.createQuery("SELECT * FROM organizations WHERE is_default")
                .mapTo(OrganizationRow.class).findOne());
    }

    @Override
    public Optional<OrganizationRow> getOrganizationByID(UUID id) {
        return withHandle(h -> h.createQuery("SELECT * FROM organizations WHERE id = :id")
                .bind("id", id).mapTo(OrganizationRow.class).findOne());
    }

    @Override
    public Optional<OrganizationRow> getOrganizationByName(String name) {
        return withHandle(h -> h.createQuery("SELECT * FROM organizations WHERE lower(name) = lower(:name)")
                .bind("name", name).mapTo(OrganizationRow.class).findOne());
    }

    @Override
    public List<OrganizationRow> getOrganizations() {
        return withHandle(h -> h.createQuery("SELECT * FROM organizations ORDER BY is_default DESC, lower(name)")
                .mapTo(OrganizationRow.class).list());
    }

    @Override
    public List<OrganizationRow> getOrganizationsByUserID(UUID userId) {
        return withHandle(h -> h.createQuery("""
                        SELECT o.* FROM organizations o
                        JOIN organization_members m ON m.organization_id = o.id
                        WHERE m.user_id = :user ORDER BY o.is_default DESC, lower(o.name)""")
                .bind("user", userId).mapTo(OrganizationRow.class).list());
    }

    @Override
    public void insertOrganization(OrganizationRow o) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO organizations (id, name, display_name, description, icon, is_default, created_at, updated_at)
                        VALUES (:id, :name, :displayName, :description, :icon, :isDefault, :createdAt, :updatedAt)""")
                .bindMethods(o).execute());
    }

    // ---- organization members ----

    @Override
    public void insertOrganizationMember(OrganizationMemberRow m) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO organization_members (organization_id, user_id, roles, created_at, updated_at)
                        VALUES (:organizationId, :userId, :roles, :createdAt, :updatedAt)""")
                .bind("organizationId", m.organizationId()).bind("userId", m.userId())
                .bindArray("roles", String.class, m.roles())
                .bind("createdAt", m.createdAt()).bind("updatedAt", m.updatedAt()).execute());
    }

    @Override
    public List<OrganizationMemberRow> getOrganizationMembers(UUID organizationId) {
        return withHandle(h -> h.createQuery("""
                        SELECT m.* FROM organization_members m JOIN users u ON u.id = m.user_id
                        WHERE m.organization_id = :org AND NOT u.deleted ORDER BY lower(u.username)""")
                .bind("org", organizationId).mapTo(OrganizationMemberRow.class).list());
    }

    @Override
    public List<OrganizationMemberRow> getOrganizationMembershipsByUserID(UUID userId) {
        return withHandle(h -> h.createQuery("SELECT * FROM organization_members WHERE user_id = :user")
                .bind("user", userId).mapTo(OrganizationMemberRow.class).list());
    }

    @Override
    public List<OrganizationMemberRow> getOrganizationMembershipsByUserIDs(List<UUID> userIds) {
        return withHandle(h -> h.createQuery("SELECT * FROM organization_members WHERE user_id = ANY(:users)")
                .bindArray("users", UUID.class, userIds).mapTo(OrganizationMemberRow.class).list());
    }

    // ---- users ----

    @Override
    public long getUserCount() {
        return withHandle(h -> h.createQuery("SELECT count(*) FROM users WHERE NOT deleted").mapTo(Long.class).one());
    }

    @Override
    public Optional<UserRow> getUserByID(UUID id) {
        return withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = :id")
                .bind("id", id).mapTo(UserRow.class).findOne());
    }

    @Override
    public Optional<UserRow> getUserByEmailOrUsername(String email, String username) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM users
                        WHERE NOT deleted AND ((:email <> '' AND lower(email) = lower(:email))
                                          OR (:username <> '' AND lower(username) = lower(:username)))
                        LIMIT 1""")
                .bind("email", email).bind("username", username).mapTo(UserRow.class).findOne());
    }

    @Override
    public Page<UserRow> getUsers(UsersFilter filter, int limit, int offset) {
        String where = """
                WHERE NOT deleted
                  AND (:search = '' OR lower(username) LIKE '%' || lower(:search) || '%' OR lower(email) LIKE '%' || lower(:search) || '%')
                  AND (cardinality(:statuses) = 0 OR status = ANY(:statuses))
                  AND (cardinality(:roles) = 0 OR rbac_roles && :roles OR ('member' = ANY(:roles)))
                  AND (CAST(:lastSeenBefore AS timestamptz) IS NULL OR last_seen_at < :lastSeenBefore)
                  AND (CAST(:lastSeenAfter AS timestamptz) IS NULL OR last_seen_at > :lastSeenAfter)
                  AND (CAST(:createdBefore AS timestamptz) IS NULL OR created_at < :createdBefore)
                  AND (CAST(:createdAfter AS timestamptz) IS NULL OR created_at > :createdAfter)
                """;
        List<String> statuses = filter.statuses().stream().map(UserStatus::value).toList();
        return withHandle(h -> {
            var count = h.createQuery("SELECT count(*) FROM users " + where);
            var page = h.createQuery("SELECT * FROM users " + where
                    + " ORDER BY lower(username) LIMIT CASE WHEN :limit > 0 THEN :limit END OFFSET :offset");
            for (var query : List.of(count, page)) {
                query.bind("search", filter.search())
                        .bindArray("statuses", String.class, statuses)
                        .bindArray("roles", String.class, filter.roles())
                        .bind("lastSeenBefore", filter.lastSeenBefore().orElse(null))
                        .bind("lastSeenAfter", filter.lastSeenAfter().orElse(null))
                        .bind("createdBefore", filter.createdBefore().orElse(null))
                        .bind("createdAfter", filter.createdAfter().orElse(null));
            }
            page.bind("limit", limit).bind("offset", Math.max(0, offset));
            return new Page<>(page.mapTo(UserRow.class).list(), count.mapTo(Integer.class).one());
        });
    }

    @Override
    public List<UserRow> getUsersByIDs(List<UUID> ids) {
        return withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = ANY(:ids)")
                .bindArray("ids", UUID.class, ids).mapTo(UserRow.class).list());
    }

    @Override
    public void insertUser(UserRow u) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO users (id, email, username, name, avatar_url, hashed_password, login_type, status,
                                           rbac_roles, theme_preference, deleted, created_at, updated_at, last_seen_at)
                        VALUES (:id, :email, :username, :name, :avatarUrl, :hashedPassword, :loginType, :status,
                                :rbacRoles, :themePreference, :deleted, :createdAt, :updatedAt, :lastSeenAt)""")
                .bind("id", u.id()).bind("email", u.email()).bind("username", u.username()).bind("name", u.name())
                .bind("avatarUrl", u.avatarUrl()).bind("hashedPassword", u.hashedPassword())
                .bind("loginType", u.loginType()).bind("status", u.status())
                .bindArray("rbacRoles", String.class, u.rbacRoles()).bind("themePreference", u.themePreference())
                .bind("deleted", u.deleted()).bind("createdAt", u.createdAt()).bind("updatedAt", u.updatedAt())
                .bind("lastSeenAt", u.lastSeenAt()).execute());
    }

    @Override
    public UserRow updateUserProfile(UUID id, String username, String name, Instant now) {
        return withHandle(h -> h.createQuery("""
                        UPDATE users SET username = :username, name = :name, updated_at = :now
                        WHERE id = :id RETURNING *""")
                .bind("id", id).bind("username", username).bind("name", name).bind("now", now)
                .mapTo(UserRow.class).one());
    }

    @Override
    public UserRow updateUserStatus(UUID id, UserStatus status, Instant now) {
        return withHandle(h -> h.createQuery("UPDATE users SET status = :status, updated_at = :now WHERE id = :id RETURNING *")
                .bind("id", id).bind("status", status).bind("now", now).mapTo(UserRow.class).one());
    }

    @Override
    public void updateUserHashedPassword(UUID id, String hashedPassword, Instant now) {
        useHandle(h -> h.createUpdate("UPDATE users SET hashed_password = :hash, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("hash", hashedPassword).bind("now", now).execute());
    }

    @Override
    public UserRow updateUserRoles(UUID id, List<String> roles, Instant now) {
        return withHandle(h -> h.createQuery("UPDATE users SET rbac_roles = :roles, updated_at = :now WHERE id = :id RETURNING *")
                .bind("id", id).bindArray("roles", String.class, roles).bind("now", now).mapTo(UserRow.class).one());
    }

    @Override
    public void updateUserLastSeenAt(UUID id, Instant lastSeenAt) {
        useHandle(h -> h.createUpdate("UPDATE users SET last_seen_at = :at WHERE id = :id")
                .bind("id", id).bind("at", lastSeenAt).execute());
    }

    @Override
    public void updateUserDeletedByID(UUID id, Instant now) {
        useHandle(h -> {
            h.createUpdate("UPDATE users SET deleted = true, updated_at = :now WHERE id = :id")
                    .bind("id", id).bind("now", now).execute();
            h.createUpdate("DELETE FROM api_keys WHERE user_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM organization_members WHERE user_id = :id").bind("id", id).execute();
        });
    }

    // ---- API keys ----

    @Override
    public void insertAPIKey(ApiKeyRow k) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO api_keys (id, hashed_secret, user_id, last_used, expires_at, created_at, updated_at,
                                              login_type, lifetime_seconds, ip_address, scope, token_name)
                        VALUES (:id, :hashedSecret, :userId, :lastUsed, :expiresAt, :createdAt, :updatedAt,
                                :loginType, :lifetimeSeconds, :ipAddress, :scope, :tokenName)""")
                .bind("id", k.id()).bind("hashedSecret", k.hashedSecret()).bind("userId", k.userId())
                .bind("lastUsed", k.lastUsed()).bind("expiresAt", k.expiresAt()).bind("createdAt", k.createdAt())
                .bind("updatedAt", k.updatedAt()).bind("loginType", k.loginType())
                .bind("lifetimeSeconds", k.lifetimeSeconds()).bind("ipAddress", k.ipAddress())
                .bind("scope", k.scope()).bind("tokenName", k.tokenName()).execute());
    }

    @Override
    public Optional<ApiKeyRow> getAPIKeyByID(String id) {
        return withHandle(h -> h.createQuery("SELECT * FROM api_keys WHERE id = :id")
                .bind("id", id).mapTo(ApiKeyRow.class).findOne());
    }

    @Override
    public Optional<ApiKeyRow> getAPIKeyByName(UUID userId, String tokenName) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM api_keys
                        WHERE user_id = :user AND login_type = 'token' AND lower(token_name) = lower(:name)""")
                .bind("user", userId).bind("name", tokenName).mapTo(ApiKeyRow.class).findOne());
    }

    @Override
    public List<ApiKeyRow> getAPIKeysByUserID(UUID userId, boolean tokensOnly) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM api_keys WHERE user_id = :user AND (NOT :tokensOnly OR login_type = 'token')
                        ORDER BY created_at""")
                .bind("user", userId).bind("tokensOnly", tokensOnly).mapTo(ApiKeyRow.class).list());
    }

    @Override
    public List<ApiKeyRow> getAPIKeysByLoginType(boolean tokensOnly) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM api_keys WHERE (NOT :tokensOnly OR login_type = 'token') ORDER BY created_at""")
                .bind("tokensOnly", tokensOnly).mapTo(ApiKeyRow.class).list());
    }

    @Override
    public void updateAPIKeyByID(String id, Instant lastUsed, Instant expiresAt, String ipAddress) {
        useHandle(h -> h.createUpdate("""
                        UPDATE api_keys SET last_used = :lastUsed, expires_at = :expiresAt, ip_address = :ip,
                                            updated_at = :lastUsed
                        WHERE id = :id""")
                .bind("id", id).bind("lastUsed", lastUsed).bind("expiresAt", expiresAt).bind("ip", ipAddress).execute());
    }

    @Override
    public void deleteAPIKeyByID(String id) {
        useHandle(h -> h.createUpdate("DELETE FROM api_keys WHERE id = :id").bind("id", id).execute());
    }

    // ---- git SSH keys ----

    @Override
    public Optional<GitSshKeyRow> getGitSSHKey(UUID userId) {
        return withHandle(h -> h.createQuery("SELECT * FROM gitsshkeys WHERE user_id = :user")
                .bind("user", userId).mapTo(GitSshKeyRow.class).findOne());
    }

    @Override
    public void insertGitSSHKey(GitSshKeyRow k) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO gitsshkeys (user_id, created_at, updated_at, private_key, public_key)
                        VALUES (:userId, :createdAt, :updatedAt, :privateKey, :publicKey)""")
                .bindMethods(k).execute());
    }

    @Override
    public GitSshKeyRow updateGitSSHKey(GitSshKeyRow k) {
        return withHandle(h -> h.createQuery("""
                        UPDATE gitsshkeys SET updated_at = :updatedAt, private_key = :privateKey, public_key = :publicKey
                        WHERE user_id = :userId RETURNING *""")
                .bindMethods(k).mapTo(GitSshKeyRow.class).one());
    }

}
