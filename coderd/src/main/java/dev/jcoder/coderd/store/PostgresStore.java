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
            "organizations_name_lower_idx", "An organization with this name already exists.",
            "templates_organization_name_idx", "A template with this name already exists in the organization.",
            "template_versions_template_name_idx", "A template version with this name already exists for the template.");

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
        // Rows of issue 3 (templates, versions, files, provisioner jobs).
        for (Class<?> row : List.of(FileRow.class, ProvisionerJobRow.class, ProvisionerJobLogRow.class,
                ProvisionerJobResourcesRow.class, ProvisionerDaemonRow.class, TemplateRow.class, TemplateVersionRow.class,
                TemplateVersionParameterRow.class, TemplateVersionVariableRow.class, TemplateVersionPresetRow.class)) {
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

    // ---- files (issue 3) ----

    @Override
    public Optional<FileRow> getFileByID(UUID id) {
        return withHandle(h -> h.createQuery("SELECT * FROM files WHERE id = :id").bind("id", id)
                .mapTo(FileRow.class).findOne());
    }

    @Override
    public Optional<FileRow> getFileByHashAndCreator(String hash, UUID createdBy) {
        return withHandle(h -> h.createQuery("SELECT * FROM files WHERE hash = :hash AND created_by = :createdBy")
                .bind("hash", hash).bind("createdBy", createdBy).mapTo(FileRow.class).findOne());
    }

    @Override
    public void insertFile(FileRow f) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO files (id, hash, created_at, created_by, mimetype, data)
                        VALUES (:id, :hash, :createdAt, :createdBy, :mimetype, :data)""")
                .bind("id", f.id()).bind("hash", f.hash()).bind("createdAt", f.createdAt())
                .bind("createdBy", f.createdBy()).bind("mimetype", f.mimetype()).bind("data", f.data()).execute());
    }

    // ---- provisioner jobs (issue 3) ----

    /** Jobs with their place among the pending jobs of their organization (0 when not pending). */
    private static final String JOBS_WITH_QUEUE = """
            SELECT j.*,
                   CASE WHEN j.started_at IS NULL AND j.completed_at IS NULL THEN
                       (SELECT count(*) FROM provisioner_jobs q
                        WHERE q.organization_id = j.organization_id AND q.started_at IS NULL AND q.completed_at IS NULL
                          AND q.queue_order <= j.queue_order)
                   ELSE 0 END::int AS queue_position,
                   CASE WHEN j.started_at IS NULL AND j.completed_at IS NULL THEN
                       (SELECT count(*) FROM provisioner_jobs q
                        WHERE q.organization_id = j.organization_id AND q.started_at IS NULL AND q.completed_at IS NULL)
                   ELSE 0 END::int AS queue_size
            FROM provisioner_jobs j
            """;

    @Override
    public void insertProvisionerJob(NewProvisionerJob j) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO provisioner_jobs (id, created_at, updated_at, organization_id, initiator_id, provisioner,
                                                      storage_method, type, input, file_id, tags)
                        VALUES (:id, :createdAt, :createdAt, :organizationId, :initiatorId, :provisioner, 'file', :type,
                                CAST(:input AS jsonb), :fileId, CAST(:tags AS jsonb))""")
                .bind("id", j.id()).bind("createdAt", j.createdAt()).bind("organizationId", j.organizationId())
                .bind("initiatorId", j.initiatorId()).bind("provisioner", j.provisioner()).bind("type", j.type())
                .bind("input", j.input()).bind("fileId", j.fileId()).bind("tags", j.tags()).execute());
    }

    @Override
    public Optional<ProvisionerJobRow> getProvisionerJobByID(UUID id) {
        return withHandle(h -> h.createQuery(JOBS_WITH_QUEUE + " WHERE j.id = :id").bind("id", id)
                .mapTo(ProvisionerJobRow.class).findOne());
    }

    @Override
    public List<ProvisionerJobRow> getProvisionerJobsByOrganization(UUID organizationId, List<String> statuses, int limit) {
        return withHandle(h -> h.createQuery(JOBS_WITH_QUEUE + """
                         WHERE j.organization_id = :org AND (cardinality(:statuses) = 0 OR j.job_status = ANY(:statuses))
                        ORDER BY j.queue_order DESC LIMIT :limit""")
                .bind("org", organizationId).bindArray("statuses", String.class, statuses)
                .bind("limit", limit > 0 ? limit : Integer.MAX_VALUE).mapTo(ProvisionerJobRow.class).list());
    }

    @Override
    public Optional<ProvisionerJobRow> acquireProvisionerJob(UUID workerId, UUID organizationId, List<String> provisioners,
            String daemonTags, Instant now) {
        Optional<UUID> acquired = withHandle(h -> h.createQuery("""
                        UPDATE provisioner_jobs SET started_at = :now, updated_at = :now, worker_id = :worker
                        WHERE id = (
                            SELECT id FROM provisioner_jobs
                            WHERE started_at IS NULL AND completed_at IS NULL AND canceled_at IS NULL
                              AND organization_id = :org
                              AND provisioner = ANY(:provisioners)
                              AND provisioner_tagset_contains(CAST(:tags AS jsonb), tags)
                            ORDER BY queue_order
                            FOR UPDATE SKIP LOCKED
                            LIMIT 1)
                        RETURNING id""")
                .bind("now", now).bind("worker", workerId).bind("org", organizationId)
                .bindArray("provisioners", String.class, provisioners).bind("tags", daemonTags)
                .mapTo(UUID.class).findOne());
        return acquired.flatMap(this::getProvisionerJobByID);
    }

    @Override
    public boolean updateProvisionerJobByID(UUID id, UUID workerId, Instant now) {
        return withHandle(h -> h.createUpdate("""
                        UPDATE provisioner_jobs SET updated_at = :now
                        WHERE id = :id AND worker_id = :worker AND completed_at IS NULL""")
                .bind("id", id).bind("worker", workerId).bind("now", now).execute()) == 1;
    }

    @Override
    public ProvisionerJobRow updateProvisionerJobWithCancelByID(UUID id, Instant now) {
        useHandle(h -> h.createUpdate("""
                        UPDATE provisioner_jobs
                        SET canceled_at = :now, updated_at = :now,
                            completed_at = CASE WHEN started_at IS NULL THEN :now ELSE completed_at END
                        WHERE id = :id AND completed_at IS NULL AND canceled_at IS NULL""")
                .bind("id", id).bind("now", now).execute());
        return getProvisionerJobByID(id).orElseThrow();
    }

    @Override
    public boolean updateProvisionerJobWithCompleteByID(UUID id, Instant now, String error, String errorCode) {
        return withHandle(h -> h.createUpdate("""
                        UPDATE provisioner_jobs SET completed_at = :now, updated_at = :now, error = :error, error_code = :code
                        WHERE id = :id AND completed_at IS NULL""")
                .bind("id", id).bind("now", now).bind("error", error).bind("code", errorCode).execute()) == 1;
    }

    @Override
    public List<ProvisionerJobRow> getHungProvisionerJobs(Instant heartbeatBefore, Instant createdBefore) {
        return withHandle(h -> h.createQuery(JOBS_WITH_QUEUE + """
                         WHERE j.completed_at IS NULL
                          AND ((j.started_at IS NOT NULL AND j.updated_at < :heartbeat)
                            OR (j.started_at IS NULL AND j.created_at < :created))
                        ORDER BY j.queue_order""")
                .bind("heartbeat", heartbeatBefore).bind("created", createdBefore).mapTo(ProvisionerJobRow.class).list());
    }

    @Override
    public List<ProvisionerJobLogRow> insertProvisionerJobLogs(UUID jobId, List<ProvisionerJobLogRow> logs) {
        if (logs.isEmpty()) {
            return List.of();
        }
        return withHandle(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO provisioner_job_logs (job_id, created_at, source, level, stage, output)
                    VALUES (:jobId, :createdAt, :source, :level, :stage, :output)""");
            for (ProvisionerJobLogRow log : logs) {
                batch.bind("jobId", jobId).bind("createdAt", log.createdAt()).bind("source", log.source())
                        .bind("level", log.level()).bind("stage", log.stage()).bind("output", log.output()).add();
            }
            return batch.executePreparedBatch("*").mapTo(ProvisionerJobLogRow.class).list();
        });
    }

    @Override
    public List<ProvisionerJobLogRow> getProvisionerLogsAfterID(UUID jobId, long after, long before) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM provisioner_job_logs
                        WHERE job_id = :job AND id > :after AND (:before <= 0 OR id < :before) ORDER BY id""")
                .bind("job", jobId).bind("after", after).bind("before", before)
                .mapTo(ProvisionerJobLogRow.class).list());
    }

    @Override
    public void insertProvisionerJobResources(ProvisionerJobResourcesRow r) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO provisioner_job_resources (job_id, transition, created_at, resources)
                        VALUES (:jobId, :transition, :createdAt, CAST(:resources AS jsonb))""")
                .bind("jobId", r.jobId()).bind("transition", r.transition()).bind("createdAt", r.createdAt())
                .bind("resources", r.resources()).execute());
    }

    @Override
    public List<ProvisionerJobResourcesRow> getProvisionerJobResources(UUID jobId) {
        return withHandle(h -> h.createQuery("SELECT * FROM provisioner_job_resources WHERE job_id = :job ORDER BY transition")
                .bind("job", jobId).mapTo(ProvisionerJobResourcesRow.class).list());
    }

    // ---- provisioner daemons (issue 3) ----

    @Override
    public ProvisionerDaemonRow upsertProvisionerDaemon(ProvisionerDaemonRow d) {
        return withHandle(h -> h.createQuery("""
                        INSERT INTO provisioner_daemons (id, organization_id, created_at, last_seen_at, name, version,
                                                         api_version, provisioners, tags)
                        VALUES (:id, :organizationId, :createdAt, :lastSeenAt, :name, :version, :apiVersion, :provisioners,
                                CAST(:tags AS jsonb))
                        ON CONFLICT (organization_id, lower(name)) DO UPDATE
                        SET last_seen_at = excluded.last_seen_at, version = excluded.version,
                            api_version = excluded.api_version, provisioners = excluded.provisioners, tags = excluded.tags
                        RETURNING *""")
                .bind("id", d.id()).bind("organizationId", d.organizationId()).bind("createdAt", d.createdAt())
                .bind("lastSeenAt", d.lastSeenAt()).bind("name", d.name()).bind("version", d.version())
                .bind("apiVersion", d.apiVersion()).bindArray("provisioners", String.class, d.provisioners())
                .bind("tags", d.tags()).mapTo(ProvisionerDaemonRow.class).one());
    }

    @Override
    public void updateProvisionerDaemonLastSeenAt(UUID id, Instant lastSeenAt) {
        useHandle(h -> h.createUpdate("UPDATE provisioner_daemons SET last_seen_at = :at WHERE id = :id")
                .bind("id", id).bind("at", lastSeenAt).execute());
    }

    @Override
    public List<ProvisionerDaemonRow> getProvisionerDaemonsByOrganization(UUID organizationId) {
        return withHandle(h -> h.createQuery("SELECT * FROM provisioner_daemons WHERE organization_id = :org ORDER BY created_at")
                .bind("org", organizationId).mapTo(ProvisionerDaemonRow.class).list());
    }

    // ---- templates (issue 3) ----

    @Override
    public Optional<TemplateRow> getTemplateByID(UUID id) {
        return withHandle(h -> h.createQuery("SELECT * FROM templates WHERE id = :id").bind("id", id)
                .mapTo(TemplateRow.class).findOne());
    }

    @Override
    public Optional<TemplateRow> getTemplateByOrganizationAndName(UUID organizationId, String name) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM templates WHERE organization_id = :org AND lower(name) = lower(:name) AND NOT deleted""")
                .bind("org", organizationId).bind("name", name).mapTo(TemplateRow.class).findOne());
    }

    @Override
    public List<TemplateRow> getTemplatesWithFilter(TemplatesFilter f) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM templates
                        WHERE deleted = :deleted
                          AND (CAST(:org AS uuid) IS NULL OR organization_id = CAST(:org AS uuid))
                          AND (:exactName = '' OR lower(name) = lower(:exactName))
                          AND (:fuzzyName = '' OR lower(name) LIKE '%' || lower(:fuzzyName) || '%')
                          AND (CAST(:deprecated AS boolean) IS NULL OR (deprecation_message <> '') = CAST(:deprecated AS boolean))
                          AND (cardinality(:ids) = 0 OR id = ANY(:ids))
                        ORDER BY lower(name), id""")
                .bind("deleted", f.deleted()).bindByType("org", f.organizationId().orElse(null), UUID.class)
                .bind("exactName", f.exactName()).bind("fuzzyName", f.fuzzyName())
                .bindByType("deprecated", f.deprecated().orElse(null), Boolean.class)
                .bindArray("ids", UUID.class, f.ids()).mapTo(TemplateRow.class).list());
    }

    @Override
    public void insertTemplate(TemplateRow t) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO templates (id, created_at, updated_at, organization_id, deleted, name, display_name,
                            description, icon, provisioner, active_version_id, created_by, default_ttl_ms, activity_bump_ms,
                            autostop_requirement_days, autostop_requirement_weeks, autostart_requirement_days,
                            allow_user_autostart, allow_user_autostop, allow_user_cancel_workspace_jobs, failure_ttl_ms,
                            time_til_dormant_ms, time_til_dormant_autodelete_ms, require_active_version,
                            deprecation_message, max_port_share_level, use_classic_parameter_flow)
                        VALUES (:id, :createdAt, :updatedAt, :organizationId, :deleted, :name, :displayName,
                            :description, :icon, :provisioner, :activeVersionId, :createdBy, :defaultTtlMs, :activityBumpMs,
                            :autostopRequirementDays, :autostopRequirementWeeks, :autostartRequirementDays,
                            :allowUserAutostart, :allowUserAutostop, :allowUserCancelWorkspaceJobs, :failureTtlMs,
                            :timeTilDormantMs, :timeTilDormantAutodeleteMs, :requireActiveVersion,
                            :deprecationMessage, :maxPortShareLevel, :useClassicParameterFlow)""")
                .bindMethods(t)
                .bindArray("autostopRequirementDays", String.class, t.autostopRequirementDays())
                .bindArray("autostartRequirementDays", String.class, t.autostartRequirementDays())
                .execute());
    }

    @Override
    public TemplateRow updateTemplateMetaByID(TemplateRow t) {
        return withHandle(h -> h.createQuery("""
                        UPDATE templates SET updated_at = :updatedAt, name = :name, display_name = :displayName,
                            description = :description, icon = :icon, default_ttl_ms = :defaultTtlMs,
                            activity_bump_ms = :activityBumpMs, autostop_requirement_days = :autostopRequirementDays,
                            autostop_requirement_weeks = :autostopRequirementWeeks,
                            autostart_requirement_days = :autostartRequirementDays,
                            allow_user_autostart = :allowUserAutostart, allow_user_autostop = :allowUserAutostop,
                            allow_user_cancel_workspace_jobs = :allowUserCancelWorkspaceJobs, failure_ttl_ms = :failureTtlMs,
                            time_til_dormant_ms = :timeTilDormantMs,
                            time_til_dormant_autodelete_ms = :timeTilDormantAutodeleteMs,
                            require_active_version = :requireActiveVersion, deprecation_message = :deprecationMessage,
                            max_port_share_level = :maxPortShareLevel, use_classic_parameter_flow = :useClassicParameterFlow
                        WHERE id = :id RETURNING *""")
                .bindMethods(t)
                .bindArray("autostopRequirementDays", String.class, t.autostopRequirementDays())
                .bindArray("autostartRequirementDays", String.class, t.autostartRequirementDays())
                .mapTo(TemplateRow.class).one());
    }

    @Override
    public void updateTemplateActiveVersionByID(UUID templateId, UUID versionId, Instant now) {
        useHandle(h -> h.createUpdate("UPDATE templates SET active_version_id = :version, updated_at = :now WHERE id = :id")
                .bind("id", templateId).bind("version", versionId).bind("now", now).execute());
    }

    @Override
    public void updateTemplateDeletedByID(UUID id, Instant now) {
        useHandle(h -> h.createUpdate("UPDATE templates SET deleted = true, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("now", now).execute());
    }

    @Override
    public long getTemplateWorkspaceCount(UUID templateId) {
        return withHandle(h -> h.createQuery("SELECT template_workspace_count(:id)").bind("id", templateId)
                .mapTo(Long.class).one());
    }

    // ---- template versions (issue 3) ----

    @Override
    public Optional<TemplateVersionRow> getTemplateVersionByID(UUID id) {
        return withHandle(h -> h.createQuery("SELECT * FROM template_versions WHERE id = :id").bind("id", id)
                .mapTo(TemplateVersionRow.class).findOne());
    }

    @Override
    public Optional<TemplateVersionRow> getTemplateVersionByJobID(UUID jobId) {
        return withHandle(h -> h.createQuery("SELECT * FROM template_versions WHERE job_id = :job").bind("job", jobId)
                .mapTo(TemplateVersionRow.class).findOne());
    }

    @Override
    public Optional<TemplateVersionRow> getTemplateVersionByTemplateIDAndName(UUID templateId, String name) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM template_versions WHERE template_id = :template AND lower(name) = lower(:name)""")
                .bind("template", templateId).bind("name", name).mapTo(TemplateVersionRow.class).findOne());
    }

    @Override
    public List<TemplateVersionRow> getTemplateVersionsByTemplateID(UUID templateId, boolean includeArchived) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM template_versions WHERE template_id = :template AND (:archived OR NOT archived)
                        ORDER BY created_at, id""")
                .bind("template", templateId).bind("archived", includeArchived).mapTo(TemplateVersionRow.class).list());
    }

    @Override
    public Optional<TemplateVersionRow> getPreviousTemplateVersion(UUID templateId, Instant createdAt) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM template_versions WHERE template_id = :template AND created_at < :createdAt
                        ORDER BY created_at DESC LIMIT 1""")
                .bind("template", templateId).bind("createdAt", createdAt).mapTo(TemplateVersionRow.class).findOne());
    }

    @Override
    public void insertTemplateVersion(TemplateVersionRow v) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO template_versions (id, template_id, organization_id, created_at, updated_at, name, message,
                                                       readme, job_id, created_by, archived, source_example_id)
                        VALUES (:id, CAST(:templateId AS uuid), :organizationId, :createdAt, :updatedAt, :name, :message, :readme, :jobId,
                                :createdBy, :archived, :sourceExampleId)""")
                .bind("id", v.id()).bindByType("templateId", v.templateId().orElse(null), UUID.class)
                .bind("organizationId", v.organizationId()).bind("createdAt", v.createdAt())
                .bind("updatedAt", v.updatedAt()).bind("name", v.name()).bind("message", v.message())
                .bind("readme", v.readme()).bind("jobId", v.jobId()).bind("createdBy", v.createdBy())
                .bind("archived", v.archived()).bind("sourceExampleId", v.sourceExampleId()).execute());
    }

    @Override
    public TemplateVersionRow updateTemplateVersionByID(UUID id, Optional<UUID> templateId, String name, String message,
            Instant now) {
        return withHandle(h -> h.createQuery("""
                        UPDATE template_versions SET template_id = CAST(:template AS uuid), name = :name, message = :message, updated_at = :now
                        WHERE id = :id RETURNING *""")
                .bind("id", id).bindByType("template", templateId.orElse(null), UUID.class).bind("name", name)
                .bind("message", message).bind("now", now).mapTo(TemplateVersionRow.class).one());
    }

    @Override
    public void updateTemplateVersionReadmeByJobID(UUID jobId, String readme, Instant now) {
        useHandle(h -> h.createUpdate("UPDATE template_versions SET readme = :readme, updated_at = :now WHERE job_id = :job")
                .bind("job", jobId).bind("readme", readme).bind("now", now).execute());
    }

    @Override
    public void updateTemplateVersionArchivedByID(UUID id, boolean archived, Instant now) {
        useHandle(h -> h.createUpdate("UPDATE template_versions SET archived = :archived, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("archived", archived).bind("now", now).execute());
    }

    @Override
    public void insertTemplateVersionParameter(TemplateVersionParameterRow p) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO template_version_parameters (template_version_id, name, display_name, description, type,
                            mutable, default_value, icon, options, validation_regex, validation_error, validation_min,
                            validation_max, validation_monotonic, required, ephemeral, display_order)
                        VALUES (:templateVersionId, :name, :displayName, :description, :type, :mutable, :defaultValue, :icon,
                            CAST(:options AS jsonb), :validationRegex, :validationError, CAST(:min AS integer), CAST(:max AS integer), :validationMonotonic,
                            :required, :ephemeral, :displayOrder)""")
                .bindMethods(p).bindByType("min", p.validationMin().orElse(null), Integer.class)
                .bindByType("max", p.validationMax().orElse(null), Integer.class).execute());
    }

    @Override
    public List<TemplateVersionParameterRow> getTemplateVersionParameters(UUID templateVersionId) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM template_version_parameters WHERE template_version_id = :version ORDER BY display_order, name""")
                .bind("version", templateVersionId).mapTo(TemplateVersionParameterRow.class).list());
    }

    @Override
    public void replaceTemplateVersionVariables(UUID templateVersionId, List<TemplateVersionVariableRow> variables) {
        useHandle(h -> {
            h.createUpdate("DELETE FROM template_version_variables WHERE template_version_id = :version")
                    .bind("version", templateVersionId).execute();
            for (TemplateVersionVariableRow v : variables) {
                h.createUpdate("""
                                INSERT INTO template_version_variables (template_version_id, name, description, type, value,
                                    default_value, required, sensitive, display_order)
                                VALUES (:templateVersionId, :name, :description, :type, :value, :defaultValue, :required,
                                    :sensitive, :displayOrder)""")
                        .bindMethods(v).execute();
            }
        });
    }

    @Override
    public List<TemplateVersionVariableRow> getTemplateVersionVariables(UUID templateVersionId) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM template_version_variables WHERE template_version_id = :version ORDER BY display_order, name""")
                .bind("version", templateVersionId).mapTo(TemplateVersionVariableRow.class).list());
    }

    @Override
    public void insertPreset(TemplateVersionPresetRow p) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO template_version_presets (id, template_version_id, name, created_at, is_default, parameters)
                        VALUES (:id, :templateVersionId, :name, :createdAt, :isDefault, CAST(:parameters AS jsonb))""")
                .bindMethods(p).execute());
    }

    @Override
    public List<TemplateVersionPresetRow> getPresetsByTemplateVersionID(UUID templateVersionId) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM template_version_presets WHERE template_version_id = :version ORDER BY created_at, name""")
                .bind("version", templateVersionId).mapTo(TemplateVersionPresetRow.class).list());
    }
}
