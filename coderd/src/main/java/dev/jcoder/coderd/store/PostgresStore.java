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
            "template_versions_template_name_idx", "A template version with this name already exists for the template.",
            "workspaces_owner_id_lower_idx", "A workspace with this name already exists for the owner.",
            "workspace_builds_workspace_id_build_number_idx", "A workspace build is already active.");

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
        // Rows of issue 5 (workspaces, builds and what builds create).
        for (Class<?> row : List.of(WorkspaceRow.class, WorkspaceBuildRow.class, WorkspaceBuildParameterRow.class,
                WorkspaceResourceRow.class, WorkspaceResourceMetadataRow.class, WorkspaceAgentRow.class,
                WorkspaceAppRow.class, WorkspaceAgentScriptRow.class, WorkspaceAgentLogSourceRow.class,
                WorkspaceAgentMetadataRow.class, ProvisionerJobTimingRow.class, WorkspaceAgentScriptTimingRow.class)) {
            jdbi.registerRowMapper(ConstructorMapper.factory(row));
        }
        // Rows of issue 6 (what agents report).
        for (Class<?> row : List.of(WorkspaceAgentTokenRow.class, WorkspaceAgentLogRow.class)) {
            jdbi.registerRowMapper(ConstructorMapper.factory(row));
        }
        // Rows of issue 8 (lifecycle).
        jdbi.registerRowMapper(ConstructorMapper.factory(WorkspaceNextStartRow.class));
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
    public void insertTemplateVersionWorkspaceTags(UUID templateVersionId, java.util.Map<String, String> tags) {
        useHandle(h -> {
            h.createUpdate("DELETE FROM template_version_workspace_tags WHERE template_version_id = :version")
                    .bind("version", templateVersionId).execute();
            for (java.util.Map.Entry<String, String> tag : tags.entrySet()) {
                h.createUpdate("""
                                INSERT INTO template_version_workspace_tags (template_version_id, key, value)
                                VALUES (:version, :key, :value)""")
                        .bind("version", templateVersionId).bind("key", tag.getKey()).bind("value", tag.getValue())
                        .execute();
            }
        });
    }

    @Override
    public java.util.Map<String, String> getTemplateVersionWorkspaceTags(UUID templateVersionId) {
        java.util.Map<String, String> tags = new java.util.LinkedHashMap<>();
        withHandle(h -> h.createQuery("""
                        SELECT key, value FROM template_version_workspace_tags WHERE template_version_id = :version
                        ORDER BY key""")
                .bind("version", templateVersionId)
                .map((rs, ctx) -> java.util.Map.entry(rs.getString("key"), rs.getString("value"))).list())
                .forEach(entry -> tags.put(entry.getKey(), entry.getValue()));
        return tags;
    }

    @Override
    public void insertTemplateVersionExternalAuthProviders(UUID templateVersionId, List<String> providerIds) {
        useHandle(h -> {
            h.createUpdate("DELETE FROM template_version_external_auth_providers WHERE template_version_id = :version")
                    .bind("version", templateVersionId).execute();
            int order = 0;
            for (String provider : providerIds) {
                h.createUpdate("""
                                INSERT INTO template_version_external_auth_providers (template_version_id, provider_id,
                                    display_order)
                                VALUES (:version, :provider, :order) ON CONFLICT DO NOTHING""")
                        .bind("version", templateVersionId).bind("provider", provider).bind("order", order++).execute();
            }
        });
    }

    @Override
    public List<String> getTemplateVersionExternalAuthProviders(UUID templateVersionId) {
        return withHandle(h -> h.createQuery("""
                        SELECT provider_id FROM template_version_external_auth_providers
                        WHERE template_version_id = :version ORDER BY display_order""")
                .bind("version", templateVersionId).mapTo(String.class).list());
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

    // ---- workspaces (issue 5) ----

    /** Workspaces with their owner's, organization's and template's names (Coder's workspaces_expanded). */
    private static final String WORKSPACES_EXPANDED = """
            SELECT w.*, u.username AS owner_username, u.avatar_url AS owner_avatar_url, o.name AS organization_name,
                   t.name AS template_name, t.display_name AS template_display_name, t.icon AS template_icon,
                   t.allow_user_cancel_workspace_jobs AS template_allow_user_cancel_workspace_jobs,
                   t.active_version_id AS template_active_version_id,
                   t.require_active_version AS template_require_active_version,
                   t.use_classic_parameter_flow AS template_use_classic_parameter_flow,
                   t.allow_user_autostart AS template_allow_user_autostart,
                   t.allow_user_autostop AS template_allow_user_autostop,
                   t.autostart_requirement_days AS template_autostart_requirement_days,
                   t.default_ttl_ms AS template_default_ttl_ms, t.activity_bump_ms AS template_activity_bump_ms
            FROM workspaces w
            JOIN users u ON u.id = w.owner_id
            JOIN organizations o ON o.id = w.organization_id
            JOIN templates t ON t.id = w.template_id
            """;

    /** The workspace status of a latest build {@code lb} whose job is {@code lj}, as Coder's table. */
    private static final String STATUS_SQL = """
            CASE lj.job_status
                WHEN 'pending' THEN 'pending'
                WHEN 'running' THEN CASE lb.transition WHEN 'start' THEN 'starting' WHEN 'stop' THEN 'stopping' ELSE 'deleting' END
                WHEN 'succeeded' THEN CASE lb.transition WHEN 'start' THEN 'running' WHEN 'stop' THEN 'stopped' ELSE 'deleted' END
                WHEN 'canceling' THEN 'canceling'
                WHEN 'canceled' THEN 'canceled'
                ELSE 'failed'
            END""";

    /** The connection status of agent {@code a} at {@code :now}, as {@link WorkspaceAgentRow#status}. */
    private static final String AGENT_STATUS_SQL = """
            CASE
                WHEN a.first_connected_at IS NULL THEN
                    CASE WHEN a.connection_timeout_seconds > 0
                              AND CAST(:now AS timestamptz) > a.created_at + make_interval(secs => a.connection_timeout_seconds)
                         THEN 'timeout' ELSE 'connecting' END
                WHEN a.disconnected_at IS NOT NULL
                     AND a.disconnected_at > coalesce(a.last_connected_at, a.first_connected_at) THEN 'disconnected'
                WHEN coalesce(a.last_connected_at, a.first_connected_at)
                     < CAST(:now AS timestamptz) - make_interval(secs => :inactiveSeconds) THEN 'disconnected'
                ELSE 'connected'
            END""";

    @Override
    public void insertWorkspace(NewWorkspace w) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO workspaces (id, created_at, updated_at, owner_id, organization_id, template_id, name,
                                                autostart_schedule, ttl_ms, last_used_at, automatic_updates)
                        VALUES (:id, :createdAt, :createdAt, :ownerId, :organizationId, :templateId, :name,
                                :schedule, :ttl, :createdAt, :automaticUpdates)""")
                .bind("id", w.id()).bind("createdAt", w.createdAt()).bind("ownerId", w.ownerId())
                .bind("organizationId", w.organizationId()).bind("templateId", w.templateId()).bind("name", w.name())
                .bindByType("schedule", w.autostartSchedule().orElse(null), String.class)
                .bindByType("ttl", w.ttlMs().orElse(null), Long.class)
                .bind("automaticUpdates", w.automaticUpdates()).execute());
    }

    @Override
    public Optional<WorkspaceRow> getWorkspaceByID(UUID id) {
        return withHandle(h -> h.createQuery(WORKSPACES_EXPANDED + " WHERE w.id = :id").bind("id", id)
                .mapTo(WorkspaceRow.class).findOne());
    }

    @Override
    public Optional<WorkspaceRow> getWorkspaceByOwnerIDAndName(UUID ownerId, String name, boolean includeDeleted) {
        return withHandle(h -> h.createQuery(WORKSPACES_EXPANDED + """
                         WHERE w.owner_id = :owner AND lower(w.name) = lower(:name) AND (:includeDeleted OR NOT w.deleted)
                        ORDER BY w.deleted, w.created_at DESC LIMIT 1""")
                .bind("owner", ownerId).bind("name", name).bind("includeDeleted", includeDeleted)
                .mapTo(WorkspaceRow.class).findOne());
    }

    @Override
    public Page<WorkspaceRow> getWorkspaces(WorkspacesFilter f, int limit, int offset) {
        StringBuilder where = new StringBuilder("""
                 LEFT JOIN LATERAL (SELECT b.id, b.transition, b.template_version_id, b.job_id FROM workspace_builds b
                                    WHERE b.workspace_id = w.id ORDER BY b.build_number DESC LIMIT 1) lb ON true
                 LEFT JOIN provisioner_jobs lj ON lj.id = lb.job_id
                WHERE NOT w.deleted
                  AND (:scopeAll OR w.organization_id = ANY(:scopeOrgs)
                       OR (w.owner_id = CAST(:scopeOwner AS uuid) AND w.organization_id = ANY(:scopeOwnerOrgs)))
                  AND (:owner = '' OR lower(u.username) = lower(:owner))
                  AND (cardinality(:templates) = 0 OR lower(t.name) = ANY(:templates))
                  AND (:name = '' OR w.name ILIKE '%' || :name || '%')
                  AND (cardinality(:statuses) = 0 OR (WORKSPACE_STATUS) = ANY(:statuses))
                  AND (CAST(:outdated AS boolean) IS NULL OR (lb.template_version_id <> t.active_version_id) = CAST(:outdated AS boolean))
                  AND (CAST(:dormant AS boolean) IS NULL OR (w.dormant_at IS NOT NULL) = CAST(:dormant AS boolean))
                  AND (CAST(:usedBefore AS timestamptz) IS NULL OR w.last_used_at < CAST(:usedBefore AS timestamptz))
                  AND (CAST(:usedAfter AS timestamptz) IS NULL OR w.last_used_at > CAST(:usedAfter AS timestamptz))
                  AND (CAST(:org AS uuid) IS NULL OR w.organization_id = CAST(:org AS uuid))
                  AND (cardinality(:ids) = 0 OR w.id = ANY(:ids))
                  AND (cardinality(:agentStatuses) = 0 OR EXISTS (
                        SELECT 1 FROM workspace_resources r JOIN workspace_agents a ON a.resource_id = r.id
                        WHERE r.job_id = lb.job_id AND (AGENT_STATUS) = ANY(:agentStatuses)))
                """.replace("AGENT_STATUS", AGENT_STATUS_SQL).replace("WORKSPACE_STATUS", STATUS_SQL));
        for (int i = 0; i < f.parameters().size(); i++) {
            where.append(" AND EXISTS (SELECT 1 FROM workspace_build_parameters p WHERE p.workspace_build_id = lb.id")
                    .append(" AND lower(p.name) = lower(:paramName").append(i).append(")");
            if (f.parameters().get(i).value().isPresent()) {
                where.append(" AND lower(p.value) = lower(:paramValue").append(i).append(")");
            }
            where.append(")");
        }
        return withHandle(h -> {
            // One pass: the page carries the number of matching rows (a window count over the whole result).
            var page = h.createQuery(WORKSPACES_EXPANDED.replaceFirst("SELECT ", "SELECT count(*) OVER () AS total_count, ")
                    + where + """
                     ORDER BY CASE WHEN w.owner_id = :requester AND w.favorite THEN 0 ELSE 1 END,
                              (lj.job_status = 'succeeded' AND lb.transition = 'start') DESC,
                              lower(u.username), lower(w.name)
                     LIMIT CASE WHEN :limit > 0 THEN :limit END OFFSET :offset""");
            bindWorkspacesFilter(page, f);
            page.bind("requester", f.requesterId()).bind("limit", limit).bind("offset", Math.max(0, offset));
            int[] total = {0};
            List<WorkspaceRow> rows = page.map(new org.jdbi.v3.core.mapper.RowMapper<WorkspaceRow>() {
                private org.jdbi.v3.core.mapper.RowMapper<WorkspaceRow> rowMapper;

                @Override
                public WorkspaceRow map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
                        throws SQLException {
                    if (rowMapper == null) {
                        // Match columns to the record once per result, not per row.
                        rowMapper = ctx.findRowMapperFor(WorkspaceRow.class).orElseThrow().specialize(rs, ctx);
                    }
                    total[0] = rs.getInt("total_count");
                    return rowMapper.map(rs, ctx);
                }
            }).list();
            if (rows.isEmpty() && offset > 0) {
                // Past the last page: the window count has no row to ride on.
                var count = h.createQuery("SELECT count(*) FROM (" + WORKSPACES_EXPANDED + where + ") matching");
                bindWorkspacesFilter(count, f);
                total[0] = count.mapTo(Integer.class).one();
            }
            return new Page<>(rows, total[0]);
        });
    }

    private static void bindWorkspacesFilter(org.jdbi.v3.core.statement.Query query, WorkspacesFilter f) {
        WorkspacesFilter.ReadScope scope = f.readScope();
        query.bind("scopeAll", scope.all()).bindArray("scopeOrgs", UUID.class, List.copyOf(scope.organizations()))
                .bindByType("scopeOwner", scope.owner().orElse(null), UUID.class)
                .bindArray("scopeOwnerOrgs", UUID.class, List.copyOf(scope.ownerOrganizations()))
                .bind("owner", f.ownerUsername())
                .bindArray("templates", String.class, f.templateNames().stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList())
                .bind("name", f.name())
                .bindArray("statuses", String.class, f.statuses().stream().map(dev.jcoder.codersdk.WorkspaceStatus::value).toList())
                .bindByType("outdated", f.outdated().orElse(null), Boolean.class)
                .bindByType("dormant", f.dormant().orElse(null), Boolean.class)
                .bindByType("usedBefore", f.lastUsedBefore().orElse(null), Instant.class)
                .bindByType("usedAfter", f.lastUsedAfter().orElse(null), Instant.class)
                .bindByType("org", f.organizationId().orElse(null), UUID.class)
                .bindArray("ids", UUID.class, f.ids())
                .bindArray("agentStatuses", String.class, f.hasAgentStatuses().stream().map(dev.jcoder.codersdk.WorkspaceAgentStatus::value).toList())
                .bind("now", f.now())
                .bind("inactiveSeconds", (double) WorkspaceAgentRow.INACTIVE_DISCONNECT_TIMEOUT.toSeconds());
        for (int i = 0; i < f.parameters().size(); i++) {
            WorkspacesFilter.ParameterMatch match = f.parameters().get(i);
            query.bind("paramName" + i, match.name());
            if (match.value().isPresent()) {
                query.bind("paramValue" + i, match.value().get());
            }
        }
    }

    @Override
    public void updateWorkspace(UUID id, String name, Instant now) {
        useHandle(h -> h.createUpdate("UPDATE workspaces SET name = :name, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("name", name).bind("now", now).execute());
    }

    @Override
    public void updateWorkspaceTTL(UUID id, Optional<Long> ttlMs, Instant now) {
        useHandle(h -> h.createUpdate("UPDATE workspaces SET ttl_ms = :ttl, updated_at = :now WHERE id = :id")
                .bind("id", id).bindByType("ttl", ttlMs.orElse(null), Long.class).bind("now", now).execute());
    }

    @Override
    public void updateWorkspaceAutostart(UUID id, Optional<String> schedule, Instant now) {
        useHandle(h -> h.createUpdate("UPDATE workspaces SET autostart_schedule = :schedule, updated_at = :now WHERE id = :id")
                .bind("id", id).bindByType("schedule", schedule.orElse(null), String.class).bind("now", now).execute());
    }

    @Override
    public void updateWorkspaceAutomaticUpdates(UUID id, dev.jcoder.codersdk.AutomaticUpdates updates, Instant now) {
        useHandle(h -> h.createUpdate("UPDATE workspaces SET automatic_updates = :updates, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("updates", updates).bind("now", now).execute());
    }

    @Override
    public void favoriteWorkspace(UUID id) {
        useHandle(h -> h.createUpdate("UPDATE workspaces SET favorite = true WHERE id = :id").bind("id", id).execute());
    }

    @Override
    public void unfavoriteWorkspace(UUID id) {
        useHandle(h -> h.createUpdate("UPDATE workspaces SET favorite = false WHERE id = :id").bind("id", id).execute());
    }

    @Override
    public void updateWorkspaceDormantDeletingAt(UUID id, Optional<Instant> dormantAt, Optional<Instant> deletingAt,
            Instant now) {
        useHandle(h -> h.createUpdate("""
                        UPDATE workspaces SET dormant_at = :dormant, deleting_at = :deleting, updated_at = :now WHERE id = :id""")
                .bind("id", id).bindByType("dormant", dormantAt.orElse(null), Instant.class)
                .bindByType("deleting", deletingAt.orElse(null), Instant.class).bind("now", now).execute());
    }

    @Override
    public void updateWorkspaceDeletedByID(UUID id, boolean deleted, Instant now) {
        useHandle(h -> h.createUpdate("UPDATE workspaces SET deleted = :deleted, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("deleted", deleted).bind("now", now).execute());
    }

    @Override
    public void updateWorkspaceLastUsedAt(UUID id, Instant lastUsedAt) {
        useHandle(h -> h.createUpdate("UPDATE workspaces SET last_used_at = :at WHERE id = :id")
                .bind("id", id).bind("at", lastUsedAt).execute());
    }

    // ---- lifecycle (issue 8) ----

    @Override
    public boolean tryAcquireLock(long key) {
        return withHandle(h -> h.createQuery("SELECT pg_try_advisory_xact_lock(:key)").bind("key", key)
                .mapTo(Boolean.class).one());
    }

    @Override
    public List<UUID> getWorkspacesEligibleForTransition(Instant now) {
        return withHandle(h -> h.createQuery("""
                        SELECT w.id
                        FROM workspaces w
                        JOIN templates t ON t.id = w.template_id
                        JOIN LATERAL (SELECT b.transition, b.deadline, b.job_id FROM workspace_builds b
                                      WHERE b.workspace_id = w.id ORDER BY b.build_number DESC LIMIT 1) lb ON true
                        WHERE NOT w.deleted AND (
                            -- autostop: running past its deadline (only a successful start gets one)
                            (lb.transition = 'start' AND lb.deadline <= :now AND w.dormant_at IS NULL)
                            -- autostart: stopped, with a schedule whose next start is due or not computed yet
                            OR (lb.transition = 'stop' AND w.dormant_at IS NULL AND w.autostart_schedule IS NOT NULL
                                AND t.allow_user_autostart AND (w.next_start_at IS NULL OR w.next_start_at <= :now)
                                AND EXISTS (SELECT 1 FROM users u WHERE u.id = w.owner_id AND u.status = 'active'))
                            -- failedstop: a failed start (no deadline) older than the template's failure TTL
                            OR (lb.transition = 'start' AND lb.deadline IS NULL AND t.failure_ttl_ms > 0
                                AND EXISTS (SELECT 1 FROM provisioner_jobs j WHERE j.id = lb.job_id
                                            AND j.job_status = 'failed'
                                            AND j.completed_at + t.failure_ttl_ms * interval '1 millisecond' <= :now))
                            -- dormancy: unused for the template's dormancy threshold
                            OR (t.time_til_dormant_ms > 0 AND w.dormant_at IS NULL
                                AND w.last_used_at + t.time_til_dormant_ms * interval '1 millisecond' <= :now)
                            -- autodelete: dormant past its deletion time
                            OR (t.time_til_dormant_autodelete_ms > 0 AND w.dormant_at IS NOT NULL
                                AND w.deleting_at IS NOT NULL AND w.deleting_at <= :now))""")
                .bind("now", now).mapTo(UUID.class).list());
    }

    @Override
    public void updateWorkspaceNextStartAt(UUID id, Optional<Instant> nextStartAt) {
        useHandle(h -> h.createUpdate("UPDATE workspaces SET next_start_at = :at WHERE id = :id")
                .bind("id", id).bindByType("at", nextStartAt.orElse(null), Instant.class).execute());
    }

    @Override
    public List<WorkspaceNextStartRow> getWorkspacesWithUnknownNextStartAt() {
        return withHandle(h -> h.createQuery("""
                        SELECT w.id, w.autostart_schedule, lb.created_at AS latest_build_created_at,
                               t.autostart_requirement_days AS template_autostart_requirement_days
                        FROM workspaces w
                        JOIN templates t ON t.id = w.template_id
                        JOIN LATERAL (SELECT b.transition, b.created_at FROM workspace_builds b
                                      WHERE b.workspace_id = w.id ORDER BY b.build_number DESC LIMIT 1) lb ON true
                        WHERE NOT w.deleted AND w.autostart_schedule IS NOT NULL AND w.next_start_at IS NULL
                          AND lb.transition = 'stop'""")
                .mapTo(WorkspaceNextStartRow.class).list());
    }

    @Override
    public void updateWorkspacesNextStartAt(java.util.Map<UUID, Instant> nextStartAt) {
        if (nextStartAt.isEmpty()) {
            return;
        }
        List<UUID> ids = List.copyOf(nextStartAt.keySet());
        List<java.time.OffsetDateTime> times = ids.stream()
                .map(id -> nextStartAt.get(id).atOffset(java.time.ZoneOffset.UTC)).toList();
        useHandle(h -> h.createUpdate("""
                        UPDATE workspaces w SET next_start_at = v.at
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:ats AS timestamptz[])) AS v(id, at)
                        WHERE w.id = v.id""")
                .bindArray("ids", UUID.class, ids).bindArray("ats", java.time.OffsetDateTime.class, times).execute());
    }

    @Override
    public boolean activityBumpWorkspace(UUID workspaceId, Optional<Instant> nextAutostart, Instant now) {
        return withHandle(h -> h.createUpdate("""
                        WITH latest AS (
                            SELECT b.id AS build_id, b.transition, b.max_deadline, j.completed_at, t.activity_bump_ms,
                                CASE
                                    -- A bump past the next autostart: as if the workspace had autostarted then
                                    -- (the time to it, plus the TTL it would have got).
                                    WHEN CAST(:next AS timestamptz) > CAST(:now AS timestamptz)
                                         AND CAST(:now AS timestamptz) + t.activity_bump_ms * interval '1 millisecond'
                                             > CAST(:next AS timestamptz)
                                    THEN (CAST(:next AS timestamptz) - CAST(:now AS timestamptz))
                                         + (CASE WHEN t.allow_user_autostop THEN coalesce(w.ttl_ms, 0)
                                                 ELSE t.default_ttl_ms END) * interval '1 millisecond'
                                    ELSE t.activity_bump_ms * interval '1 millisecond'
                                END AS bump
                            FROM workspace_builds b
                            JOIN provisioner_jobs j ON j.id = b.job_id
                            JOIN workspaces w ON w.id = b.workspace_id
                            JOIN templates t ON t.id = w.template_id
                            WHERE b.workspace_id = :ws
                            ORDER BY b.build_number DESC
                            LIMIT 1)
                        UPDATE workspace_builds wb
                        SET updated_at = :now,
                            deadline = CASE
                                WHEN l.max_deadline IS NULL THEN greatest(wb.deadline, CAST(:now AS timestamptz) + l.bump)
                                ELSE least(greatest(wb.deadline, CAST(:now AS timestamptz) + l.bump), l.max_deadline)
                            END
                        FROM latest l
                        WHERE wb.id = l.build_id
                          AND l.transition = 'start'
                          AND l.completed_at IS NOT NULL
                          AND l.activity_bump_ms > 0
                          AND l.bump > interval '0'
                          -- a manual shutdown (no deadline) stays manual
                          AND wb.deadline IS NOT NULL
                          -- only once 5% of the bump has elapsed, so that constant activity writes rarely
                          AND wb.deadline - l.bump * 0.95 < CAST(:now AS timestamptz)
                          -- never shorten
                          AND greatest(wb.deadline, CAST(:now AS timestamptz) + l.bump) > wb.deadline
                          AND (l.max_deadline IS NULL OR wb.deadline < l.max_deadline)""")
                .bind("ws", workspaceId).bind("now", now)
                .bindByType("next", nextAutostart.orElse(null), Instant.class).execute()) > 0;
    }

    // ---- workspace builds (issue 5) ----

    /** Builds with their workspace's, owner's, version's and initiator's names; the state is left out. */
    private static final String BUILDS_EXPANDED = """
            SELECT b.id, b.created_at, b.updated_at, b.workspace_id, b.template_version_id, b.build_number, b.transition,
                   b.initiator_id, b.job_id, b.deadline, b.max_deadline, b.reason, b.daily_cost,
                   b.template_version_preset_id, w.name AS workspace_name, w.owner_id AS workspace_owner_id,
                   u.username AS workspace_owner_username, u.avatar_url AS workspace_owner_avatar_url,
                   w.organization_id, w.template_id, v.name AS template_version_name, i.username AS initiator_username
            FROM workspace_builds b
            JOIN workspaces w ON w.id = b.workspace_id
            JOIN users u ON u.id = w.owner_id
            JOIN template_versions v ON v.id = b.template_version_id
            JOIN users i ON i.id = b.initiator_id
            """;

    @Override
    public void insertWorkspaceBuild(NewWorkspaceBuild b) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO workspace_builds (id, created_at, updated_at, workspace_id, template_version_id,
                            build_number, transition, initiator_id, provisioner_state, job_id, reason,
                            template_version_preset_id)
                        VALUES (:id, :createdAt, :createdAt, :workspaceId, :templateVersionId, :buildNumber, :transition,
                            :initiatorId,
                            coalesce(:state, (SELECT p.provisioner_state FROM workspace_builds p WHERE p.workspace_id = :workspaceId
                                              ORDER BY p.build_number DESC LIMIT 1), ''::bytea),
                            :jobId, :reason, CAST(:preset AS uuid))""")
                .bind("id", b.id()).bind("createdAt", b.createdAt()).bind("workspaceId", b.workspaceId())
                .bind("templateVersionId", b.templateVersionId()).bind("buildNumber", b.buildNumber())
                .bind("transition", b.transition()).bind("initiatorId", b.initiatorId())
                .bindByType("state", b.provisionerState().orElse(null), byte[].class).bind("jobId", b.jobId()).bind("reason", b.reason())
                .bindByType("preset", b.templateVersionPresetId().orElse(null), UUID.class).execute());
    }

    @Override
    public Optional<WorkspaceBuildRow> getWorkspaceBuildByID(UUID id) {
        return withHandle(h -> h.createQuery(BUILDS_EXPANDED + " WHERE b.id = :id").bind("id", id)
                .mapTo(WorkspaceBuildRow.class).findOne());
    }

    @Override
    public Optional<WorkspaceBuildRow> getWorkspaceBuildByJobID(UUID jobId) {
        return withHandle(h -> h.createQuery(BUILDS_EXPANDED + " WHERE b.job_id = :job").bind("job", jobId)
                .mapTo(WorkspaceBuildRow.class).findOne());
    }

    @Override
    public Optional<WorkspaceBuildRow> getLatestWorkspaceBuildByWorkspaceID(UUID workspaceId) {
        return withHandle(h -> h.createQuery(BUILDS_EXPANDED + " WHERE b.workspace_id = :ws ORDER BY b.build_number DESC LIMIT 1")
                .bind("ws", workspaceId).mapTo(WorkspaceBuildRow.class).findOne());
    }

    @Override
    public List<WorkspaceBuildRow> getLatestWorkspaceBuildsByWorkspaceIDs(List<UUID> workspaceIds) {
        if (workspaceIds.isEmpty()) {
            return List.of();
        }
        return withHandle(h -> h.createQuery(BUILDS_EXPANDED + """
                         WHERE b.id IN (SELECT (SELECT lb.id FROM workspace_builds lb WHERE lb.workspace_id = ws.id
                                               ORDER BY lb.build_number DESC LIMIT 1)
                                       FROM unnest(CAST(:ids AS uuid[])) AS ws(id))""")
                .bindArray("ids", UUID.class, workspaceIds).mapTo(WorkspaceBuildRow.class).list());
    }

    @Override
    public Optional<WorkspaceBuildRow> getWorkspaceBuildByWorkspaceIDAndBuildNumber(UUID workspaceId, int buildNumber) {
        return withHandle(h -> h.createQuery(BUILDS_EXPANDED + " WHERE b.workspace_id = :ws AND b.build_number = :number")
                .bind("ws", workspaceId).bind("number", buildNumber).mapTo(WorkspaceBuildRow.class).findOne());
    }

    @Override
    public List<WorkspaceBuildRow> getWorkspaceBuildsByWorkspaceID(UUID workspaceId, Optional<Instant> since, int limit,
            int offset) {
        return withHandle(h -> h.createQuery(BUILDS_EXPANDED + """
                         WHERE b.workspace_id = :ws AND (CAST(:since AS timestamptz) IS NULL OR b.created_at >= CAST(:since AS timestamptz))
                        ORDER BY b.build_number DESC LIMIT CASE WHEN :limit > 0 THEN :limit END OFFSET :offset""")
                .bind("ws", workspaceId).bindByType("since", since.orElse(null), Instant.class).bind("limit", limit)
                .bind("offset", Math.max(0, offset)).mapTo(WorkspaceBuildRow.class).list());
    }

    @Override
    public byte[] getWorkspaceBuildProvisionerStateByID(UUID buildId) {
        return withHandle(h -> h.createQuery("SELECT provisioner_state FROM workspace_builds WHERE id = :id")
                .bind("id", buildId).mapTo(byte[].class).findOne().orElse(new byte[0]));
    }

    @Override
    public void updateWorkspaceBuildProvisionerStateByID(UUID buildId, byte[] state, Instant now) {
        useHandle(h -> h.createUpdate("UPDATE workspace_builds SET provisioner_state = :state, updated_at = :now WHERE id = :id")
                .bind("id", buildId).bind("state", state).bind("now", now).execute());
    }

    @Override
    public void updateWorkspaceBuildDeadlineByID(UUID buildId, Optional<Instant> deadline, Optional<Instant> maxDeadline,
            Instant now) {
        useHandle(h -> h.createUpdate("""
                        UPDATE workspace_builds SET deadline = :deadline, max_deadline = :max, updated_at = :now WHERE id = :id""")
                .bind("id", buildId).bindByType("deadline", deadline.orElse(null), Instant.class)
                .bindByType("max", maxDeadline.orElse(null), Instant.class).bind("now", now).execute());
    }

    @Override
    public void updateWorkspaceBuildCostByID(UUID buildId, int dailyCost) {
        useHandle(h -> h.createUpdate("UPDATE workspace_builds SET daily_cost = :cost WHERE id = :id")
                .bind("id", buildId).bind("cost", dailyCost).execute());
    }

    @Override
    public void insertWorkspaceBuildParameters(List<WorkspaceBuildParameterRow> parameters) {
        if (parameters.isEmpty()) {
            return;
        }
        useHandle(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO workspace_build_parameters (workspace_build_id, name, value) VALUES (:workspaceBuildId, :name, :value)""");
            parameters.forEach(p -> batch.bindMethods(p).add());
            batch.execute();
        });
    }

    @Override
    public List<WorkspaceBuildParameterRow> getWorkspaceBuildParameters(UUID buildId) {
        return withHandle(h -> h.createQuery("SELECT * FROM workspace_build_parameters WHERE workspace_build_id = :id ORDER BY name")
                .bind("id", buildId).mapTo(WorkspaceBuildParameterRow.class).list());
    }

    @Override
    public List<ProvisionerJobRow> getProvisionerJobsByIDs(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withHandle(h -> h.createQuery(JOBS_WITH_QUEUE + " WHERE j.id = ANY(:ids)")
                .bindArray("ids", UUID.class, ids).mapTo(ProvisionerJobRow.class).list());
    }

    // ---- what builds create (issue 5) ----

    @Override
    public void insertWorkspaceResource(WorkspaceResourceRow r) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO workspace_resources (id, created_at, job_id, transition, type, name, hide, icon, daily_cost)
                        VALUES (:id, :createdAt, :jobId, :transition, :type, :name, :hide, :icon, :dailyCost)""")
                .bindMethods(r).execute());
    }

    @Override
    public void insertWorkspaceResourceMetadata(List<WorkspaceResourceMetadataRow> metadata) {
        if (metadata.isEmpty()) {
            return;
        }
        useHandle(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO workspace_resource_metadata (workspace_resource_id, key, value, sensitive, display_order)
                    VALUES (:workspaceResourceId, :key, :value, :sensitive, :displayOrder)
                    ON CONFLICT (workspace_resource_id, key) DO UPDATE SET value = excluded.value, sensitive = excluded.sensitive""");
            metadata.forEach(m -> batch.bindMethods(m).add());
            batch.execute();
        });
    }

    @Override
    public void insertWorkspaceAgent(WorkspaceAgentRow a) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO workspace_agents (id, created_at, updated_at, name, resource_id, auth_token, auth_type,
                            auth_instance_id, architecture, operating_system, environment_variables, directory,
                            expanded_directory, version, api_version, connection_timeout_seconds, troubleshooting_url,
                            motd_file, lifecycle_state, subsystems, display_apps, display_order)
                        VALUES (:id, :createdAt, :updatedAt, :name, :resourceId, :authToken, :authType, :authInstanceId,
                            :architecture, :operatingSystem, CAST(:environmentVariables AS jsonb), :directory,
                            :expandedDirectory, :version, :apiVersion, :connectionTimeoutSeconds, :troubleshootingUrl,
                            :motdFile, :lifecycleState, :subsystems, :displayApps, :displayOrder)""")
                .bindMethods(a).bindArray("subsystems", String.class, a.subsystems())
                .bindArray("displayApps", String.class, a.displayApps()).execute());
    }

    @Override
    public void insertWorkspaceApp(WorkspaceAppRow a) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO workspace_apps (id, created_at, agent_id, slug, display_name, icon, command, url, external,
                            subdomain, sharing_level, healthcheck_url, healthcheck_interval, healthcheck_threshold, health,
                            hidden, open_in, display_order)
                        VALUES (:id, :createdAt, :agentId, :slug, :displayName, :icon, :command, :url, :external, :subdomain,
                            :sharingLevel, :healthcheckUrl, :healthcheckInterval, :healthcheckThreshold, :health, :hidden,
                            :openIn, :displayOrder)""")
                .bindMethods(a).execute());
    }

    @Override
    public void insertWorkspaceAgentScripts(List<WorkspaceAgentScriptRow> scripts) {
        if (scripts.isEmpty()) {
            return;
        }
        useHandle(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO workspace_agent_scripts (id, workspace_agent_id, log_source_id, created_at, display_name,
                        log_path, script, cron, start_blocks_login, run_on_start, run_on_stop, timeout_seconds, display_order)
                    VALUES (:id, :workspaceAgentId, :logSourceId, :createdAt, :displayName, :logPath, :script, :cron,
                        :startBlocksLogin, :runOnStart, :runOnStop, :timeoutSeconds, :displayOrder)""");
            scripts.forEach(s -> batch.bindMethods(s).add());
            batch.execute();
        });
    }

    @Override
    public void insertWorkspaceAgentLogSources(List<WorkspaceAgentLogSourceRow> sources) {
        if (sources.isEmpty()) {
            return;
        }
        useHandle(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO workspace_agent_log_sources (id, workspace_agent_id, created_at, display_name, icon)
                    VALUES (:id, :workspaceAgentId, :createdAt, :displayName, :icon)""");
            sources.forEach(s -> batch.bindMethods(s).add());
            batch.execute();
        });
    }

    @Override
    public void insertWorkspaceAgentMetadata(List<WorkspaceAgentMetadataRow> metadata) {
        if (metadata.isEmpty()) {
            return;
        }
        useHandle(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO workspace_agent_metadata (workspace_agent_id, key, display_name, script, interval_seconds,
                        timeout_seconds, display_order)
                    VALUES (:workspaceAgentId, :key, :displayName, :script, :intervalSeconds, :timeoutSeconds, :displayOrder)""");
            metadata.forEach(m -> batch.bindMethods(m).add());
            batch.execute();
        });
    }

    @Override
    public List<WorkspaceResourceTree> getWorkspaceResourceTreesByJobIDs(List<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        return withHandle(h -> {
            List<WorkspaceResourceRow> resources = h.createQuery("""
                            SELECT * FROM workspace_resources WHERE job_id = ANY(:jobs) ORDER BY job_id, created_at, type, name""")
                    .bindArray("jobs", UUID.class, jobIds).mapTo(WorkspaceResourceRow.class).list();
            if (resources.isEmpty()) {
                return List.of();
            }
            List<UUID> resourceIds = resources.stream().map(WorkspaceResourceRow::id).toList();
            Map<UUID, List<WorkspaceResourceMetadataRow>> metadata = groupBy(h.createQuery("""
                            SELECT * FROM workspace_resource_metadata WHERE workspace_resource_id = ANY(:ids)
                            ORDER BY display_order, key""")
                    .bindArray("ids", UUID.class, resourceIds).mapTo(WorkspaceResourceMetadataRow.class).list(),
                    WorkspaceResourceMetadataRow::workspaceResourceId);
            List<WorkspaceAgentRow> agents = h.createQuery("""
                            SELECT * FROM workspace_agents WHERE resource_id = ANY(:ids) ORDER BY display_order, name""")
                    .bindArray("ids", UUID.class, resourceIds).mapTo(WorkspaceAgentRow.class).list();
            List<UUID> agentIds = agents.stream().map(WorkspaceAgentRow::id).toList();
            Map<UUID, List<WorkspaceAppRow>> apps = Map.of();
            Map<UUID, List<WorkspaceAgentScriptRow>> scripts = Map.of();
            Map<UUID, List<WorkspaceAgentLogSourceRow>> sources = Map.of();
            if (!agentIds.isEmpty()) {
                apps = groupBy(h.createQuery("SELECT * FROM workspace_apps WHERE agent_id = ANY(:ids) ORDER BY display_order, slug")
                        .bindArray("ids", UUID.class, agentIds).mapTo(WorkspaceAppRow.class).list(), WorkspaceAppRow::agentId);
                scripts = groupBy(h.createQuery("""
                                SELECT * FROM workspace_agent_scripts WHERE workspace_agent_id = ANY(:ids) ORDER BY display_order""")
                        .bindArray("ids", UUID.class, agentIds).mapTo(WorkspaceAgentScriptRow.class).list(),
                        WorkspaceAgentScriptRow::workspaceAgentId);
                sources = groupBy(h.createQuery("""
                                SELECT * FROM workspace_agent_log_sources WHERE workspace_agent_id = ANY(:ids)
                                ORDER BY created_at, display_name""")
                        .bindArray("ids", UUID.class, agentIds).mapTo(WorkspaceAgentLogSourceRow.class).list(),
                        WorkspaceAgentLogSourceRow::workspaceAgentId);
            }
            Map<UUID, JobOwner> owners = h.createQuery("""
                            SELECT b.job_id, w.owner_id, w.organization_id FROM workspace_builds b
                            JOIN workspaces w ON w.id = b.workspace_id WHERE b.job_id = ANY(:jobs)""")
                    .bindArray("jobs", UUID.class, jobIds)
                    .map((rs, ctx) -> new JobOwner(rs.getObject("job_id", UUID.class), rs.getObject("owner_id", UUID.class),
                            rs.getObject("organization_id", UUID.class)))
                    .list().stream().collect(java.util.stream.Collectors.toMap(JobOwner::jobId, Function.identity()));
            Map<UUID, List<WorkspaceResourceTree.Agent>> agentsByResource = new java.util.HashMap<>();
            for (WorkspaceAgentRow agent : agents) {
                agentsByResource.computeIfAbsent(agent.resourceId(), id -> new java.util.ArrayList<>())
                        .add(new WorkspaceResourceTree.Agent(agent, apps.getOrDefault(agent.id(), List.of()),
                                scripts.getOrDefault(agent.id(), List.of()), sources.getOrDefault(agent.id(), List.of())));
            }
            return resources.stream().filter(r -> owners.containsKey(r.jobId()))
                    .map(r -> new WorkspaceResourceTree(r, metadata.getOrDefault(r.id(), List.of()),
                            agentsByResource.getOrDefault(r.id(), List.of()), owners.get(r.jobId()).ownerId(),
                            owners.get(r.jobId()).organizationId()))
                    .toList();
        });
    }

    private record JobOwner(UUID jobId, UUID ownerId, UUID organizationId) {}

    private static <T> Map<UUID, List<T>> groupBy(List<T> rows, Function<T, UUID> key) {
        Map<UUID, List<T>> grouped = new java.util.LinkedHashMap<>();
        rows.forEach(row -> grouped.computeIfAbsent(key.apply(row), id -> new java.util.ArrayList<>()).add(row));
        return grouped;
    }

    @Override
    public void insertProvisionerJobTimings(List<ProvisionerJobTimingRow> timings) {
        if (timings.isEmpty()) {
            return;
        }
        useHandle(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO provisioner_job_timings (job_id, started_at, ended_at, stage, source, action, resource)
                    VALUES (:jobId, :startedAt, :endedAt, :stage, :source, :action, :resource)""");
            timings.forEach(t -> batch.bindMethods(t).add());
            batch.execute();
        });
    }

    @Override
    public List<ProvisionerJobTimingRow> getProvisionerJobTimingsByJobID(UUID jobId) {
        return withHandle(h -> h.createQuery("SELECT * FROM provisioner_job_timings WHERE job_id = :job ORDER BY started_at, resource")
                .bind("job", jobId).mapTo(ProvisionerJobTimingRow.class).list());
    }

    @Override
    public List<WorkspaceAgentScriptTimingRow> getWorkspaceAgentScriptTimingsByJobID(UUID jobId) {
        return withHandle(h -> h.createQuery("""
                        SELECT st.*, s.display_name, a.id AS workspace_agent_id, a.name AS workspace_agent_name
                        FROM workspace_agent_script_timings st
                        JOIN workspace_agent_scripts s ON s.id = st.script_id
                        JOIN workspace_agents a ON a.id = s.workspace_agent_id
                        JOIN workspace_resources r ON r.id = a.resource_id
                        WHERE r.job_id = :job ORDER BY st.started_at""")
                .bind("job", jobId).mapTo(WorkspaceAgentScriptTimingRow.class).list());
    }

    // ---- workspace agents: authentication and what agents report (issue 6) ----

    /** An agent with its workspace; {@code latest_build} compares its build with the workspace's newest. */
    private static final String AGENT_WITH_WORKSPACE = """
            SELECT a.id AS agent_id, a.name AS agent_name, w.id AS workspace_id, w.name AS workspace_name,
                   w.owner_id, u.username AS owner_username, w.organization_id, w.template_id,
                   w.deleted AS workspace_deleted,
                   b.build_number = (SELECT max(lb.build_number) FROM workspace_builds lb WHERE lb.workspace_id = w.id)
                       AS latest_build,
                   b.transition AS build_transition
            FROM workspace_agents a
            JOIN workspace_resources r ON r.id = a.resource_id
            JOIN workspace_builds b ON b.job_id = r.job_id
            JOIN workspaces w ON w.id = b.workspace_id
            JOIN users u ON u.id = w.owner_id
            """;

    @Override
    public Optional<WorkspaceAgentTokenRow> getWorkspaceAgentAndLatestBuildByAuthToken(String authToken) {
        return withHandle(h -> h.createQuery(AGENT_WITH_WORKSPACE
                        + " WHERE a.auth_token = :token AND a.auth_token <> '' ORDER BY a.created_at DESC LIMIT 1")
                .bind("token", authToken).mapTo(WorkspaceAgentTokenRow.class).findOne());
    }

    @Override
    public Optional<WorkspaceAgentTokenRow> getWorkspaceAgentAndWorkspaceByID(UUID agentId) {
        return withHandle(h -> h.createQuery(AGENT_WITH_WORKSPACE + " WHERE a.id = :id")
                .bind("id", agentId).mapTo(WorkspaceAgentTokenRow.class).findOne());
    }

    @Override
    public Optional<WorkspaceAgentRow> getWorkspaceAgentByID(UUID agentId) {
        return withHandle(h -> h.createQuery("SELECT * FROM workspace_agents WHERE id = :id")
                .bind("id", agentId).mapTo(WorkspaceAgentRow.class).findOne());
    }

    @Override
    public List<WorkspaceAppRow> getWorkspaceAppsByAgentID(UUID agentId) {
        return withHandle(h -> h.createQuery("SELECT * FROM workspace_apps WHERE agent_id = :id ORDER BY display_order, slug")
                .bind("id", agentId).mapTo(WorkspaceAppRow.class).list());
    }

    @Override
    public List<WorkspaceAgentScriptRow> getWorkspaceAgentScriptsByAgentID(UUID agentId) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM workspace_agent_scripts WHERE workspace_agent_id = :id ORDER BY display_order, created_at""")
                .bind("id", agentId).mapTo(WorkspaceAgentScriptRow.class).list());
    }

    @Override
    public List<WorkspaceAgentLogSourceRow> getWorkspaceAgentLogSourcesByAgentID(UUID agentId) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM workspace_agent_log_sources WHERE workspace_agent_id = :id ORDER BY created_at, display_name""")
                .bind("id", agentId).mapTo(WorkspaceAgentLogSourceRow.class).list());
    }

    @Override
    public List<WorkspaceAgentMetadataRow> getWorkspaceAgentMetadata(UUID agentId) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM workspace_agent_metadata WHERE workspace_agent_id = :id ORDER BY display_order, key""")
                .bind("id", agentId).mapTo(WorkspaceAgentMetadataRow.class).list());
    }

    @Override
    public void updateWorkspaceAgentLifecycleStateByID(UUID agentId, dev.jcoder.codersdk.WorkspaceAgentLifecycle state,
            Optional<Instant> startedAt, Optional<Instant> readyAt) {
        useHandle(h -> h.createUpdate("""
                        UPDATE workspace_agents SET lifecycle_state = :state,
                            started_at = coalesce(CAST(:startedAt AS timestamptz), started_at),
                            ready_at = coalesce(CAST(:readyAt AS timestamptz), ready_at)
                        WHERE id = :id""")
                .bind("id", agentId).bind("state", state.value())
                .bindByType("startedAt", startedAt.orElse(null), Instant.class)
                .bindByType("readyAt", readyAt.orElse(null), Instant.class).execute());
    }

    @Override
    public void updateWorkspaceAgentStartupByID(UUID agentId, String version, String expandedDirectory,
            List<String> subsystems, String apiVersion) {
        useHandle(h -> h.createUpdate("""
                        UPDATE workspace_agents SET version = :version, expanded_directory = :directory,
                            subsystems = :subsystems, api_version = :apiVersion
                        WHERE id = :id""")
                .bind("id", agentId).bind("version", version).bind("directory", expandedDirectory)
                .bindArray("subsystems", String.class, subsystems).bind("apiVersion", apiVersion).execute());
    }

    @Override
    public void updateWorkspaceAgentConnectionByID(UUID agentId, Optional<Instant> firstConnectedAt,
            Optional<Instant> lastConnectedAt, Optional<Instant> disconnectedAt, Instant now) {
        useHandle(h -> h.createUpdate("""
                        UPDATE workspace_agents SET
                            first_connected_at = coalesce(CAST(:first AS timestamptz), first_connected_at),
                            last_connected_at = coalesce(CAST(:last AS timestamptz), last_connected_at),
                            disconnected_at = coalesce(CAST(:disconnected AS timestamptz), disconnected_at),
                            updated_at = :now
                        WHERE id = :id""")
                .bind("id", agentId).bind("now", now)
                .bindByType("first", firstConnectedAt.orElse(null), Instant.class)
                .bindByType("last", lastConnectedAt.orElse(null), Instant.class)
                .bindByType("disconnected", disconnectedAt.orElse(null), Instant.class).execute());
    }

    @Override
    public void updateWorkspaceAgentsLastConnectedAt(List<UUID> agentIds, Instant now) {
        if (agentIds.isEmpty()) {
            return;
        }
        useHandle(h -> h.createUpdate("UPDATE workspace_agents SET last_connected_at = :now WHERE id = ANY(:ids)")
                .bind("now", now).bindArray("ids", UUID.class, agentIds).execute());
    }

    @Override
    public Optional<List<WorkspaceAgentLogRow>> insertWorkspaceAgentLogs(UUID agentId, UUID logSourceId,
            List<NewWorkspaceAgentLog> logs, int limitBytes) {
        int size = logs.stream().mapToInt(NewWorkspaceAgentLog::size).sum();
        return inTransaction(tx -> ((PostgresStore) tx).withHandle(h -> {
            // The row lock orders concurrent requests of one agent, so the limit holds exactly.
            Optional<Boolean> fits = h.createQuery("""
                            SELECT NOT logs_overflowed AND logs_length + :size <= :limit
                            FROM workspace_agents WHERE id = :id FOR UPDATE""")
                    .bind("id", agentId).bind("size", size).bind("limit", limitBytes).mapTo(Boolean.class).findOne();
            if (fits.isEmpty()) {
                return Optional.<List<WorkspaceAgentLogRow>>of(List.of());
            }
            if (!fits.get()) {
                h.createUpdate("UPDATE workspace_agents SET logs_overflowed = true WHERE id = :id").bind("id", agentId).execute();
                return Optional.<List<WorkspaceAgentLogRow>>empty();
            }
            if (logs.isEmpty()) {
                return Optional.<List<WorkspaceAgentLogRow>>of(List.of());
            }
            h.createUpdate("UPDATE workspace_agents SET logs_length = logs_length + :size WHERE id = :id")
                    .bind("id", agentId).bind("size", size).execute();
            var batch = h.prepareBatch("""
                    INSERT INTO workspace_agent_logs (agent_id, created_at, output, level, log_source_id)
                    VALUES (:agentId, :createdAt, :output, :level, :source)""");
            for (NewWorkspaceAgentLog log : logs) {
                batch.bind("agentId", agentId).bind("createdAt", log.createdAt()).bind("output", log.output())
                        .bind("level", log.level()).bind("source", logSourceId).add();
            }
            return Optional.of(batch.executePreparedBatch("*").mapTo(WorkspaceAgentLogRow.class).list());
        }));
    }

    @Override
    public List<WorkspaceAgentLogRow> getWorkspaceAgentLogsAfter(UUID agentId, long after) {
        return withHandle(h -> h.createQuery("""
                        SELECT * FROM workspace_agent_logs WHERE agent_id = :id AND id > :after ORDER BY id""")
                .bind("id", agentId).bind("after", after).mapTo(WorkspaceAgentLogRow.class).list());
    }

    @Override
    public void upsertWorkspaceAgentLogSource(WorkspaceAgentLogSourceRow source) {
        useHandle(h -> h.createUpdate("""
                        INSERT INTO workspace_agent_log_sources (id, workspace_agent_id, created_at, display_name, icon)
                        VALUES (:id, :agentId, :createdAt, :displayName, :icon)
                        ON CONFLICT (workspace_agent_id, id) DO NOTHING""")
                .bind("id", source.id()).bind("agentId", source.workspaceAgentId()).bind("createdAt", source.createdAt())
                .bind("displayName", source.displayName()).bind("icon", source.icon()).execute());
    }

    @Override
    public void updateWorkspaceAgentMetadata(List<WorkspaceAgentMetadataUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        useHandle(h -> {
            var batch = h.prepareBatch("""
                    UPDATE workspace_agent_metadata SET value = :value, error = :error, collected_at = :collectedAt
                    WHERE workspace_agent_id = :agentId AND key = :key""");
            for (WorkspaceAgentMetadataUpdate update : updates) {
                batch.bind("agentId", update.agentId()).bind("key", update.key()).bind("value", update.value())
                        .bind("error", update.error()).bind("collectedAt", update.collectedAt()).add();
            }
            batch.execute();
        });
    }

    @Override
    public void updateWorkspaceAppHealthsByAgentID(UUID agentId, Map<UUID, dev.jcoder.codersdk.WorkspaceAppHealth> healths) {
        if (healths.isEmpty()) {
            return;
        }
        useHandle(h -> {
            var batch = h.prepareBatch("UPDATE workspace_apps SET health = :health WHERE id = :id AND agent_id = :agentId");
            healths.forEach((app, health) -> batch.bind("id", app).bind("agentId", agentId).bind("health", health.value()).add());
            batch.execute();
        });
    }

    @Override
    public void insertWorkspaceAgentStats(List<WorkspaceAgentStatsRow> stats) {
        if (stats.isEmpty()) {
            return;
        }
        useHandle(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO workspace_agent_stats (id, created_at, user_id, agent_id, workspace_id, template_id,
                        connections_by_proto, connection_count, connection_median_latency_ms, rx_packets, rx_bytes,
                        tx_packets, tx_bytes, session_count_vscode, session_count_jetbrains,
                        session_count_reconnecting_pty, session_count_ssh)
                    VALUES (:id, :createdAt, :userId, :agentId, :workspaceId, :templateId,
                        CAST(:connectionsByProto AS jsonb), :connectionCount, :connectionMedianLatencyMs, :rxPackets,
                        :rxBytes, :txPackets, :txBytes, :sessionCountVscode, :sessionCountJetbrains,
                        :sessionCountReconnectingPty, :sessionCountSsh)""");
            for (WorkspaceAgentStatsRow row : stats) {
                batch.bindMethods(row).add();
            }
            batch.execute();
        });
    }
}
