package dev.jcoder.coderd.store;

import static dev.jcoder.coderd.rbac.Action.CREATE;
import static dev.jcoder.coderd.rbac.Action.DELETE;
import static dev.jcoder.coderd.rbac.Action.READ;
import static dev.jcoder.coderd.rbac.Action.READ_PERSONAL;
import static dev.jcoder.coderd.rbac.Action.UPDATE;
import static dev.jcoder.coderd.rbac.Action.UPDATE_PERSONAL;

import dev.jcoder.coderd.errors.Forbidden;
import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.rbac.Action;
import dev.jcoder.coderd.rbac.Authorizer;
import dev.jcoder.coderd.rbac.RbacObject;
import dev.jcoder.coderd.rbac.ResourceType;
import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.codersdk.UserStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one place where authorization happens: every {@link Store} call is checked for the acting
 * {@link Subject} before or after it reaches the database. Reads the subject may not do look like
 * missing rows; writes it may not do throw {@link Forbidden} when it can see the object and
 * {@link NotFound} when it cannot.
 */
public final class AuthorizingStore implements Store {
    private final Store delegate;
    private final Authorizer authorizer;
    private final Subject subject;

    public AuthorizingStore(Store delegate, Authorizer authorizer, Subject subject) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    public Subject subject() {
        return subject;
    }

    /** The same store acting as another subject, e.g. a named system actor. */
    public AuthorizingStore as(Subject other) {
        return new AuthorizingStore(delegate, authorizer, other);
    }

    public boolean can(Action action, RbacObject object) {
        return authorizer.authorize(subject, action, object);
    }

    private void require(Action action, RbacObject object) {
        if (can(action, object)) {
            return;
        }
        if (action != READ && can(READ, object)) {
            throw new Forbidden("Forbidden.", "You don't have permission to " + action.wireName().replace('_', ' ')
                    + " this " + object.type().wireName().replace('_', ' ') + ".");
        }
        throw new NotFound();
    }

    private <T> Optional<T> readable(Optional<T> row, Function<T, RbacObject> object) {
        return row.filter(value -> can(READ, object.apply(value)));
    }

    private <T> List<T> readable(List<T> rows, Function<T, RbacObject> object) {
        return rows.stream().filter(value -> can(READ, object.apply(value))).toList();
    }

    private static RbacObject user(UUID id) {
        return RbacObject.of(ResourceType.USER).ownedBy(id);
    }

    private static RbacObject apiKey(UUID owner) {
        return RbacObject.of(ResourceType.API_KEY).ownedBy(owner);
    }

    private static RbacObject organization(UUID id) {
        return RbacObject.of(ResourceType.ORGANIZATION).inOrganization(id);
    }

    private static RbacObject member(UUID organizationId, UUID userId) {
        return RbacObject.of(ResourceType.ORGANIZATION_MEMBER).inOrganization(organizationId).ownedBy(userId);
    }

    private static final RbacObject SYSTEM = RbacObject.of(ResourceType.SYSTEM);

    @Override
    public <T> T inTransaction(Function<Store, T> work) {
        return delegate.inTransaction(tx -> work.apply(new AuthorizingStore(tx, authorizer, subject)));
    }

    /** {@link #inTransaction} for callers that need the authorizing store itself (to ask {@link #can} or {@link #as}). */
    public <T> T inAuthorizedTransaction(Function<AuthorizingStore, T> work) {
        return delegate.inTransaction(tx -> work.apply(new AuthorizingStore(tx, authorizer, subject)));
    }

    @Override
    public void acquireLock(long key) {
        // No data is read or written: a lock only orders concurrent transactions.
        delegate.acquireLock(key);
    }

    // ---- deployment ----

    @Override
    public Optional<String> getDeploymentID() {
        // Public: the deployment id is part of the unauthenticated build info.
        return delegate.getDeploymentID();
    }

    @Override
    public void insertDeploymentID(String id) {
        require(UPDATE, SYSTEM);
        delegate.insertDeploymentID(id);
    }

    // ---- organizations ----

    @Override
    public Optional<OrganizationRow> getDefaultOrganization() {
        return readable(delegate.getDefaultOrganization(), o -> organization(o.id()));
    }

    @Override
    public Optional<OrganizationRow> getOrganizationByID(UUID id) {
        return readable(delegate.getOrganizationByID(id), o -> organization(o.id()));
    }

    @Override
    public Optional<OrganizationRow> getOrganizationByName(String name) {
        return readable(delegate.getOrganizationByName(name), o -> organization(o.id()));
    }

    @Override
    public List<OrganizationRow> getOrganizations() {
        return readable(delegate.getOrganizations(), o -> organization(o.id()));
    }

    @Override
    public List<OrganizationRow> getOrganizationsByUserID(UUID userId) {
        return readable(delegate.getOrganizationsByUserID(userId), o -> organization(o.id()));
    }

    @Override
    public void insertOrganization(OrganizationRow organization) {
        require(CREATE, RbacObject.of(ResourceType.ORGANIZATION));
        delegate.insertOrganization(organization);
    }

    // ---- organization members ----

    @Override
    public void insertOrganizationMember(OrganizationMemberRow m) {
        require(CREATE, member(m.organizationId(), m.userId()));
        delegate.insertOrganizationMember(m);
    }

    @Override
    public List<OrganizationMemberRow> getOrganizationMembers(UUID organizationId) {
        return readable(delegate.getOrganizationMembers(organizationId), m -> member(m.organizationId(), m.userId()));
    }

    @Override
    public List<OrganizationMemberRow> getOrganizationMembershipsByUserID(UUID userId) {
        return readable(delegate.getOrganizationMembershipsByUserID(userId), m -> member(m.organizationId(), m.userId()));
    }

    @Override
    public List<OrganizationMemberRow> getOrganizationMembershipsByUserIDs(List<UUID> userIds) {
        return readable(delegate.getOrganizationMembershipsByUserIDs(userIds), m -> member(m.organizationId(), m.userId()));
    }

    // ---- users ----

    @Override
    public long getUserCount() {
        require(READ, SYSTEM);
        return delegate.getUserCount();
    }

    @Override
    public Optional<UserRow> getUserByID(UUID id) {
        return readable(delegate.getUserByID(id), u -> user(u.id()));
    }

    @Override
    public Optional<UserRow> getUserByEmailOrUsername(String email, String username) {
        return readable(delegate.getUserByEmailOrUsername(email, username), u -> user(u.id()));
    }

    @Override
    public Page<UserRow> getUsers(UsersFilter filter, int limit, int offset) {
        if (can(READ, RbacObject.of(ResourceType.USER))) {
            return delegate.getUsers(filter, limit, offset);
        }
        // Without site-wide read, a subject sees only the users it may read one by one (itself).
        List<UserRow> visible = readable(delegate.getUsers(filter, 0, 0).items(), u -> user(u.id()));
        List<UserRow> page = visible.stream().skip(Math.max(0, offset)).limit(limit > 0 ? limit : Long.MAX_VALUE).toList();
        return new Page<>(page, visible.size());
    }

    @Override
    public List<UserRow> getUsersByIDs(List<UUID> ids) {
        return readable(delegate.getUsersByIDs(ids), u -> user(u.id()));
    }

    @Override
    public void insertUser(UserRow user) {
        require(CREATE, RbacObject.of(ResourceType.USER));
        delegate.insertUser(user);
    }

    @Override
    public UserRow updateUserProfile(UUID id, String username, String name, Instant now) {
        requirePersonal(UPDATE_PERSONAL, id);
        return delegate.updateUserProfile(id, username, name, now);
    }

    @Override
    public UserRow updateUserStatus(UUID id, UserStatus status, Instant now) {
        require(UPDATE, user(id));
        return delegate.updateUserStatus(id, status, now);
    }

    @Override
    public void updateUserHashedPassword(UUID id, String hashedPassword, Instant now) {
        requirePersonal(UPDATE_PERSONAL, id);
        delegate.updateUserHashedPassword(id, hashedPassword, now);
    }

    @Override
    public UserRow updateUserRoles(UUID id, List<String> roles, Instant now) {
        require(UPDATE, user(id));
        return delegate.updateUserRoles(id, roles, now);
    }

    @Override
    public void updateUserLastSeenAt(UUID id, Instant lastSeenAt) {
        requirePersonal(UPDATE_PERSONAL, id);
        delegate.updateUserLastSeenAt(id, lastSeenAt);
    }

    @Override
    public void updateUserDeletedByID(UUID id, Instant now) {
        require(DELETE, user(id));
        delegate.updateUserDeletedByID(id, now);
    }

    /** Personal actions are allowed to the user themselves and to whoever may update any user. */
    private void requirePersonal(Action personalAction, UUID userId) {
        if (can(personalAction, user(userId)) || can(UPDATE, user(userId))) {
            return;
        }
        require(UPDATE, user(userId));
    }

    // ---- API keys ----

    @Override
    public void insertAPIKey(ApiKeyRow key) {
        require(CREATE, apiKey(key.userId()));
        delegate.insertAPIKey(key);
    }

    @Override
    public Optional<ApiKeyRow> getAPIKeyByID(String id) {
        return readable(delegate.getAPIKeyByID(id), k -> apiKey(k.userId()));
    }

    @Override
    public Optional<ApiKeyRow> getAPIKeyByName(UUID userId, String tokenName) {
        return readable(delegate.getAPIKeyByName(userId, tokenName), k -> apiKey(k.userId()));
    }

    @Override
    public List<ApiKeyRow> getAPIKeysByUserID(UUID userId, boolean tokensOnly) {
        return readable(delegate.getAPIKeysByUserID(userId, tokensOnly), k -> apiKey(k.userId()));
    }

    @Override
    public List<ApiKeyRow> getAPIKeysByLoginType(boolean tokensOnly) {
        return readable(delegate.getAPIKeysByLoginType(tokensOnly), k -> apiKey(k.userId()));
    }

    @Override
    public void updateAPIKeyByID(String id, Instant lastUsed, Instant expiresAt, String ipAddress) {
        ApiKeyRow key = delegate.getAPIKeyByID(id).orElseThrow(NotFound::new);
        require(UPDATE, apiKey(key.userId()));
        delegate.updateAPIKeyByID(id, lastUsed, expiresAt, ipAddress);
    }

    @Override
    public void deleteAPIKeyByID(String id) {
        ApiKeyRow key = delegate.getAPIKeyByID(id).orElseThrow(NotFound::new);
        require(DELETE, apiKey(key.userId()));
        delegate.deleteAPIKeyByID(id);
    }

    // ---- git SSH keys ----

    @Override
    public Optional<GitSshKeyRow> getGitSSHKey(UUID userId) {
        return delegate.getGitSSHKey(userId).filter(k -> can(READ_PERSONAL, user(k.userId())));
    }

    @Override
    public void insertGitSSHKey(GitSshKeyRow key) {
        requirePersonal(UPDATE_PERSONAL, key.userId());
        delegate.insertGitSSHKey(key);
    }

    @Override
    public GitSshKeyRow updateGitSSHKey(GitSshKeyRow key) {
        requirePersonal(UPDATE_PERSONAL, key.userId());
        return delegate.updateGitSSHKey(key);
    }

    // ---- files (issue 3) ----
    // A file belongs to its uploader; template admins may read and create every file.

    private static RbacObject file(UUID createdBy) {
        return RbacObject.of(ResourceType.FILE).ownedBy(createdBy);
    }

    @Override
    public Optional<FileRow> getFileByID(UUID id) {
        return readable(delegate.getFileByID(id), f -> file(f.createdBy()));
    }

    @Override
    public Optional<FileRow> getFileByHashAndCreator(String hash, UUID createdBy) {
        return readable(delegate.getFileByHashAndCreator(hash, createdBy), f -> file(f.createdBy()));
    }

    @Override
    public void insertFile(FileRow f) {
        require(CREATE, file(f.createdBy()));
        delegate.insertFile(f);
    }

    // ---- provisioner jobs (issue 3) ----
    // A job is visible to whoever can read what it works on: the organization's templates for imports
    // and dry runs; for builds, the initiator and whoever may read the organization's workspaces.
    // Daemons act as the named system actor "provisioner daemon" and the reaper as "job reaper".

    private static RbacObject template(UUID organizationId) {
        return RbacObject.of(ResourceType.TEMPLATE).inOrganization(organizationId);
    }

    private static RbacObject jobs(UUID organizationId) {
        return RbacObject.of(ResourceType.PROVISIONER_JOBS).inOrganization(organizationId);
    }

    private boolean canReadJob(ProvisionerJobRow job) {
        if (can(READ, jobs(job.organizationId()))) {
            return true;
        }
        return switch (job.type()) {
            case TEMPLATE_VERSION_IMPORT, TEMPLATE_VERSION_DRY_RUN -> can(READ, template(job.organizationId()));
            case WORKSPACE_BUILD -> job.initiatorId().equals(subject.id())
                    || can(READ, RbacObject.of(ResourceType.WORKSPACE).inOrganization(job.organizationId()))
                    // Someone else started it (an owner, the lifecycle executor): whoever may read the workspace.
                    || delegate.getWorkspaceBuildByJobID(job.id()).map(b -> can(READ, workspace(b))).orElse(false);
        };
    }

    /** Changing a job (cancel) needs the right to change what it works on. */
    private void requireJobUpdate(UUID organizationId, dev.jcoder.codersdk.ProvisionerJobType type, UUID initiatorId) {
        switch (type) {
            case TEMPLATE_VERSION_IMPORT, TEMPLATE_VERSION_DRY_RUN -> require(UPDATE, template(organizationId));
            case WORKSPACE_BUILD -> require(UPDATE, RbacObject.of(ResourceType.WORKSPACE).inOrganization(organizationId)
                    .ownedBy(initiatorId));
        }
    }

    @Override
    public void insertProvisionerJob(NewProvisionerJob job) {
        requireJobUpdate(job.organizationId(), job.type(), job.initiatorId());
        delegate.insertProvisionerJob(job);
    }

    @Override
    public Optional<ProvisionerJobRow> getProvisionerJobByID(UUID id) {
        return delegate.getProvisionerJobByID(id).filter(this::canReadJob);
    }

    @Override
    public List<ProvisionerJobRow> getProvisionerJobsByOrganization(UUID organizationId, List<String> statuses, int limit) {
        require(READ, jobs(organizationId));
        return delegate.getProvisionerJobsByOrganization(organizationId, statuses, limit);
    }

    @Override
    public Optional<ProvisionerJobRow> acquireProvisionerJob(UUID workerId, UUID organizationId, List<String> provisioners,
            String daemonTags, Instant now) {
        require(UPDATE, jobs(organizationId));
        return delegate.acquireProvisionerJob(workerId, organizationId, provisioners, daemonTags, now);
    }

    @Override
    public boolean updateProvisionerJobByID(UUID id, UUID workerId, Instant now) {
        ProvisionerJobRow job = delegate.getProvisionerJobByID(id).orElseThrow(NotFound::new);
        require(UPDATE, jobs(job.organizationId()));
        return delegate.updateProvisionerJobByID(id, workerId, now);
    }

    @Override
    public ProvisionerJobRow updateProvisionerJobWithCancelByID(UUID id, Instant now) {
        ProvisionerJobRow job = getProvisionerJobByID(id).orElseThrow(NotFound::new);
        requireJobUpdate(job.organizationId(), job.type(), job.initiatorId());
        return delegate.updateProvisionerJobWithCancelByID(id, now);
    }

    @Override
    public boolean updateProvisionerJobWithCompleteByID(UUID id, Instant now, String error, String errorCode) {
        ProvisionerJobRow job = delegate.getProvisionerJobByID(id).orElseThrow(NotFound::new);
        require(UPDATE, jobs(job.organizationId()));
        return delegate.updateProvisionerJobWithCompleteByID(id, now, error, errorCode);
    }

    @Override
    public List<ProvisionerJobRow> getHungProvisionerJobs(Instant heartbeatBefore, Instant createdBefore) {
        require(UPDATE, RbacObject.of(ResourceType.PROVISIONER_JOBS));
        return delegate.getHungProvisionerJobs(heartbeatBefore, createdBefore);
    }

    @Override
    public List<ProvisionerJobLogRow> insertProvisionerJobLogs(UUID jobId, List<ProvisionerJobLogRow> logs) {
        ProvisionerJobRow job = delegate.getProvisionerJobByID(jobId).orElseThrow(NotFound::new);
        require(UPDATE, jobs(job.organizationId()));
        return delegate.insertProvisionerJobLogs(jobId, logs);
    }

    @Override
    public List<ProvisionerJobLogRow> getProvisionerLogsAfterID(UUID jobId, long after, long before) {
        getProvisionerJobByID(jobId).orElseThrow(NotFound::new);
        return delegate.getProvisionerLogsAfterID(jobId, after, before);
    }

    @Override
    public void insertProvisionerJobResources(ProvisionerJobResourcesRow resources) {
        ProvisionerJobRow job = delegate.getProvisionerJobByID(resources.jobId()).orElseThrow(NotFound::new);
        require(UPDATE, jobs(job.organizationId()));
        delegate.insertProvisionerJobResources(resources);
    }

    @Override
    public List<ProvisionerJobResourcesRow> getProvisionerJobResources(UUID jobId) {
        getProvisionerJobByID(jobId).orElseThrow(NotFound::new);
        return delegate.getProvisionerJobResources(jobId);
    }

    // ---- provisioner daemons (issue 3) ----

    @Override
    public ProvisionerDaemonRow upsertProvisionerDaemon(ProvisionerDaemonRow daemon) {
        require(UPDATE, jobs(daemon.organizationId()));
        return delegate.upsertProvisionerDaemon(daemon);
    }

    @Override
    public void updateProvisionerDaemonLastSeenAt(UUID id, Instant lastSeenAt) {
        require(UPDATE, RbacObject.of(ResourceType.PROVISIONER_JOBS));
        delegate.updateProvisionerDaemonLastSeenAt(id, lastSeenAt);
    }

    @Override
    public List<ProvisionerDaemonRow> getProvisionerDaemonsByOrganization(UUID organizationId) {
        require(READ, jobs(organizationId));
        return delegate.getProvisionerDaemonsByOrganization(organizationId);
    }

    // ---- templates (issue 3) ----
    // Members read and use the templates of their organizations; template admins and owners change them.

    @Override
    public Optional<TemplateRow> getTemplateByID(UUID id) {
        return readable(delegate.getTemplateByID(id), t -> template(t.organizationId()));
    }

    @Override
    public Optional<TemplateRow> getTemplateByOrganizationAndName(UUID organizationId, String name) {
        return readable(delegate.getTemplateByOrganizationAndName(organizationId, name), t -> template(t.organizationId()));
    }

    @Override
    public List<TemplateRow> getTemplatesWithFilter(TemplatesFilter filter) {
        return readable(delegate.getTemplatesWithFilter(filter), t -> template(t.organizationId()));
    }

    @Override
    public void insertTemplate(TemplateRow t) {
        require(CREATE, template(t.organizationId()));
        delegate.insertTemplate(t);
    }

    @Override
    public TemplateRow updateTemplateMetaByID(TemplateRow t) {
        require(UPDATE, template(t.organizationId()));
        return delegate.updateTemplateMetaByID(t);
    }

    @Override
    public void updateTemplateActiveVersionByID(UUID templateId, UUID versionId, Instant now) {
        TemplateRow t = getTemplateByID(templateId).orElseThrow(NotFound::new);
        require(UPDATE, template(t.organizationId()));
        delegate.updateTemplateActiveVersionByID(templateId, versionId, now);
    }

    @Override
    public void updateTemplateDeletedByID(UUID id, Instant now) {
        TemplateRow t = getTemplateByID(id).orElseThrow(NotFound::new);
        require(DELETE, template(t.organizationId()));
        delegate.updateTemplateDeletedByID(id, now);
    }

    @Override
    public long getTemplateWorkspaceCount(UUID templateId) {
        getTemplateByID(templateId).orElseThrow(NotFound::new);
        return delegate.getTemplateWorkspaceCount(templateId);
    }

    // ---- template versions (issue 3) ----
    // A version is authorized as its organization's templates, attached or not (as Coder does).

    @Override
    public Optional<TemplateVersionRow> getTemplateVersionByID(UUID id) {
        return readable(delegate.getTemplateVersionByID(id), v -> template(v.organizationId()));
    }

    @Override
    public Optional<TemplateVersionRow> getTemplateVersionByJobID(UUID jobId) {
        return readable(delegate.getTemplateVersionByJobID(jobId), v -> template(v.organizationId()));
    }

    @Override
    public Optional<TemplateVersionRow> getTemplateVersionByTemplateIDAndName(UUID templateId, String name) {
        return readable(delegate.getTemplateVersionByTemplateIDAndName(templateId, name), v -> template(v.organizationId()));
    }

    @Override
    public List<TemplateVersionRow> getTemplateVersionsByTemplateID(UUID templateId, boolean includeArchived) {
        return readable(delegate.getTemplateVersionsByTemplateID(templateId, includeArchived), v -> template(v.organizationId()));
    }

    @Override
    public Optional<TemplateVersionRow> getPreviousTemplateVersion(UUID templateId, Instant createdAt) {
        return readable(delegate.getPreviousTemplateVersion(templateId, createdAt), v -> template(v.organizationId()));
    }

    @Override
    public void insertTemplateVersion(TemplateVersionRow v) {
        require(CREATE, template(v.organizationId()));
        delegate.insertTemplateVersion(v);
    }

    @Override
    public TemplateVersionRow updateTemplateVersionByID(UUID id, Optional<UUID> templateId, String name, String message,
            Instant now) {
        TemplateVersionRow v = getTemplateVersionByID(id).orElseThrow(NotFound::new);
        require(UPDATE, template(v.organizationId()));
        return delegate.updateTemplateVersionByID(id, templateId, name, message, now);
    }

    @Override
    public void updateTemplateVersionReadmeByJobID(UUID jobId, String readme, Instant now) {
        TemplateVersionRow v = getTemplateVersionByJobID(jobId).orElseThrow(NotFound::new);
        require(UPDATE, template(v.organizationId()));
        delegate.updateTemplateVersionReadmeByJobID(jobId, readme, now);
    }

    @Override
    public void updateTemplateVersionArchivedByID(UUID id, boolean archived, Instant now) {
        TemplateVersionRow v = getTemplateVersionByID(id).orElseThrow(NotFound::new);
        require(UPDATE, template(v.organizationId()));
        delegate.updateTemplateVersionArchivedByID(id, archived, now);
    }

    private TemplateVersionRow versionFor(UUID templateVersionId, Action action) {
        TemplateVersionRow v = delegate.getTemplateVersionByID(templateVersionId).orElseThrow(NotFound::new);
        require(action, template(v.organizationId()));
        return v;
    }

    @Override
    public void insertTemplateVersionParameter(TemplateVersionParameterRow parameter) {
        versionFor(parameter.templateVersionId(), UPDATE);
        delegate.insertTemplateVersionParameter(parameter);
    }

    @Override
    public List<TemplateVersionParameterRow> getTemplateVersionParameters(UUID templateVersionId) {
        versionFor(templateVersionId, READ);
        return delegate.getTemplateVersionParameters(templateVersionId);
    }

    @Override
    public void replaceTemplateVersionVariables(UUID templateVersionId, List<TemplateVersionVariableRow> variables) {
        versionFor(templateVersionId, UPDATE);
        delegate.replaceTemplateVersionVariables(templateVersionId, variables);
    }

    @Override
    public List<TemplateVersionVariableRow> getTemplateVersionVariables(UUID templateVersionId) {
        versionFor(templateVersionId, READ);
        return delegate.getTemplateVersionVariables(templateVersionId);
    }

    @Override
    public void insertTemplateVersionWorkspaceTags(UUID templateVersionId, java.util.Map<String, String> tags) {
        versionFor(templateVersionId, UPDATE);
        delegate.insertTemplateVersionWorkspaceTags(templateVersionId, tags);
    }

    @Override
    public java.util.Map<String, String> getTemplateVersionWorkspaceTags(UUID templateVersionId) {
        versionFor(templateVersionId, READ);
        return delegate.getTemplateVersionWorkspaceTags(templateVersionId);
    }

    @Override
    public void insertTemplateVersionExternalAuthProviders(UUID templateVersionId, List<String> providerIds) {
        versionFor(templateVersionId, UPDATE);
        delegate.insertTemplateVersionExternalAuthProviders(templateVersionId, providerIds);
    }

    @Override
    public List<String> getTemplateVersionExternalAuthProviders(UUID templateVersionId) {
        versionFor(templateVersionId, READ);
        return delegate.getTemplateVersionExternalAuthProviders(templateVersionId);
    }

    @Override
    public void insertPreset(TemplateVersionPresetRow preset) {
        versionFor(preset.templateVersionId(), UPDATE);
        delegate.insertPreset(preset);
    }

    @Override
    public List<TemplateVersionPresetRow> getPresetsByTemplateVersionID(UUID templateVersionId) {
        versionFor(templateVersionId, READ);
        return delegate.getPresetsByTemplateVersionID(templateVersionId);
    }

    // ---- workspaces (issue 5) ----
    // Members create and manage their own workspaces in their organizations; owners act on everyone's;
    // template admins read all. What a build creates is written by the provisioner daemon system actor
    // and read by whoever may read the workspace.

    private static RbacObject workspace(UUID organizationId, UUID ownerId) {
        return RbacObject.of(ResourceType.WORKSPACE).inOrganization(organizationId).ownedBy(ownerId);
    }

    private static RbacObject workspace(WorkspaceRow w) {
        return workspace(w.organizationId(), w.ownerId());
    }

    private static RbacObject workspace(WorkspaceBuildRow b) {
        return workspace(b.organizationId(), b.workspaceOwnerId());
    }

    private WorkspaceRow workspaceFor(UUID id, Action action) {
        WorkspaceRow w = delegate.getWorkspaceByID(id).orElseThrow(NotFound::new);
        require(action, workspace(w));
        return w;
    }

    private WorkspaceBuildRow buildFor(UUID buildId, Action action) {
        WorkspaceBuildRow b = delegate.getWorkspaceBuildByID(buildId).orElseThrow(NotFound::new);
        require(action, workspace(b));
        return b;
    }

    /** Which workspaces the subject may read, for {@code GetWorkspaces} to apply in SQL. */
    private WorkspacesFilter.ReadScope workspaceReadScope() {
        if (can(READ, RbacObject.of(ResourceType.WORKSPACE))) {
            return new WorkspacesFilter.ReadScope(true, java.util.Set.of(), Optional.empty(), java.util.Set.of());
        }
        java.util.Set<UUID> organizations = new java.util.HashSet<>();
        java.util.Set<UUID> ownOrganizations = new java.util.HashSet<>();
        for (UUID organization : subject.organizationRoles().keySet()) {
            if (can(READ, RbacObject.of(ResourceType.WORKSPACE).inOrganization(organization))) {
                organizations.add(organization);
            } else if (can(READ, workspace(organization, subject.id()))) {
                ownOrganizations.add(organization);
            }
        }
        return new WorkspacesFilter.ReadScope(false, organizations, Optional.of(subject.id()), ownOrganizations);
    }

    @Override
    public void insertWorkspace(NewWorkspace w) {
        require(CREATE, workspace(w.organizationId(), w.ownerId()));
        delegate.insertWorkspace(w);
    }

    @Override
    public Optional<WorkspaceRow> getWorkspaceByID(UUID id) {
        return readable(delegate.getWorkspaceByID(id), AuthorizingStore::workspace);
    }

    @Override
    public Optional<WorkspaceRow> getWorkspaceByOwnerIDAndName(UUID ownerId, String name, boolean includeDeleted) {
        return readable(delegate.getWorkspaceByOwnerIDAndName(ownerId, name, includeDeleted), AuthorizingStore::workspace);
    }

    @Override
    public Page<WorkspaceRow> getWorkspaces(WorkspacesFilter filter, int limit, int offset) {
        // The caller's scope is ignored: only this layer decides what the subject may see.
        return delegate.getWorkspaces(filter.withReadScope(workspaceReadScope()), limit, offset);
    }

    @Override
    public void updateWorkspace(UUID id, String name, Instant now) {
        workspaceFor(id, UPDATE);
        delegate.updateWorkspace(id, name, now);
    }

    @Override
    public void updateWorkspaceTTL(UUID id, Optional<Long> ttlMs, Instant now) {
        workspaceFor(id, UPDATE);
        delegate.updateWorkspaceTTL(id, ttlMs, now);
    }

    @Override
    public void updateWorkspaceAutostart(UUID id, Optional<String> schedule, Instant now) {
        workspaceFor(id, UPDATE);
        delegate.updateWorkspaceAutostart(id, schedule, now);
    }

    @Override
    public void updateWorkspaceAutomaticUpdates(UUID id, dev.jcoder.codersdk.AutomaticUpdates updates, Instant now) {
        workspaceFor(id, UPDATE);
        delegate.updateWorkspaceAutomaticUpdates(id, updates, now);
    }

    @Override
    public void favoriteWorkspace(UUID id) {
        workspaceFor(id, UPDATE);
        delegate.favoriteWorkspace(id);
    }

    @Override
    public void unfavoriteWorkspace(UUID id) {
        workspaceFor(id, UPDATE);
        delegate.unfavoriteWorkspace(id);
    }

    @Override
    public void updateWorkspaceDormantDeletingAt(UUID id, Optional<Instant> dormantAt, Optional<Instant> deletingAt,
            Instant now) {
        workspaceFor(id, UPDATE);
        delegate.updateWorkspaceDormantDeletingAt(id, dormantAt, deletingAt, now);
    }

    @Override
    public void updateWorkspaceDeletedByID(UUID id, boolean deleted, Instant now) {
        workspaceFor(id, DELETE);
        delegate.updateWorkspaceDeletedByID(id, deleted, now);
    }

    @Override
    public void updateWorkspaceLastUsedAt(UUID id, Instant lastUsedAt) {
        workspaceFor(id, UPDATE);
        delegate.updateWorkspaceLastUsedAt(id, lastUsedAt);
    }

    // ---- lifecycle (issue 8) ----

    @Override
    public boolean tryAcquireLock(long key) {
        // No data is read or written: a lock only orders concurrent transactions.
        return delegate.tryAcquireLock(key);
    }

    @Override
    public List<UUID> getWorkspacesEligibleForTransition(Instant now) {
        // Every organization's workspaces: only who may read all workspaces (the lifecycle executor).
        require(READ, RbacObject.of(ResourceType.WORKSPACE));
        return delegate.getWorkspacesEligibleForTransition(now);
    }

    @Override
    public void updateWorkspaceNextStartAt(UUID id, Optional<Instant> nextStartAt) {
        workspaceFor(id, UPDATE);
        delegate.updateWorkspaceNextStartAt(id, nextStartAt);
    }

    @Override
    public List<WorkspaceNextStartRow> getWorkspacesWithUnknownNextStartAt() {
        require(READ, RbacObject.of(ResourceType.WORKSPACE));
        return delegate.getWorkspacesWithUnknownNextStartAt();
    }

    @Override
    public void updateWorkspacesNextStartAt(java.util.Map<UUID, Instant> nextStartAt) {
        // Many workspaces of any organization at once: only who may update all workspaces.
        require(UPDATE, RbacObject.of(ResourceType.WORKSPACE));
        delegate.updateWorkspacesNextStartAt(nextStartAt);
    }

    @Override
    public boolean activityBumpWorkspace(UUID workspaceId, Optional<Instant> nextAutostart, Instant now) {
        workspaceFor(workspaceId, UPDATE);
        return delegate.activityBumpWorkspace(workspaceId, nextAutostart, now);
    }

    // ---- workspace builds (issue 5) ----

    @Override
    public void insertWorkspaceBuild(NewWorkspaceBuild b) {
        // As Coder: a start needs "start", a stop "stop", a delete "delete" on the workspace.
        Action action = switch (b.transition()) {
            case START -> Action.WORKSPACE_START;
            case STOP -> Action.WORKSPACE_STOP;
            case DELETE -> DELETE;
        };
        workspaceFor(b.workspaceId(), action);
        delegate.insertWorkspaceBuild(b);
    }

    @Override
    public Optional<WorkspaceBuildRow> getWorkspaceBuildByID(UUID id) {
        return readable(delegate.getWorkspaceBuildByID(id), AuthorizingStore::workspace);
    }

    @Override
    public Optional<WorkspaceBuildRow> getWorkspaceBuildByJobID(UUID jobId) {
        return readable(delegate.getWorkspaceBuildByJobID(jobId), AuthorizingStore::workspace);
    }

    @Override
    public Optional<WorkspaceBuildRow> getLatestWorkspaceBuildByWorkspaceID(UUID workspaceId) {
        return readable(delegate.getLatestWorkspaceBuildByWorkspaceID(workspaceId), AuthorizingStore::workspace);
    }

    @Override
    public List<WorkspaceBuildRow> getLatestWorkspaceBuildsByWorkspaceIDs(List<UUID> workspaceIds) {
        return readable(delegate.getLatestWorkspaceBuildsByWorkspaceIDs(workspaceIds), AuthorizingStore::workspace);
    }

    @Override
    public Optional<WorkspaceBuildRow> getWorkspaceBuildByWorkspaceIDAndBuildNumber(UUID workspaceId, int buildNumber) {
        return readable(delegate.getWorkspaceBuildByWorkspaceIDAndBuildNumber(workspaceId, buildNumber),
                AuthorizingStore::workspace);
    }

    @Override
    public List<WorkspaceBuildRow> getWorkspaceBuildsByWorkspaceID(UUID workspaceId, Optional<Instant> since, int limit,
            int offset) {
        workspaceFor(workspaceId, READ);
        return delegate.getWorkspaceBuildsByWorkspaceID(workspaceId, since, limit, offset);
    }

    @Override
    public byte[] getWorkspaceBuildProvisionerStateByID(UUID buildId) {
        WorkspaceBuildRow b = buildFor(buildId, READ);
        // As Coder: the raw state may hold secrets; only who may change the template (push) may read it.
        if (!can(UPDATE, template(b.organizationId()))) {
            throw new NotFound();
        }
        return delegate.getWorkspaceBuildProvisionerStateByID(buildId);
    }

    @Override
    public void updateWorkspaceBuildProvisionerStateByID(UUID buildId, byte[] state, Instant now) {
        buildFor(buildId, UPDATE);
        delegate.updateWorkspaceBuildProvisionerStateByID(buildId, state, now);
    }

    @Override
    public void updateWorkspaceBuildDeadlineByID(UUID buildId, Optional<Instant> deadline, Optional<Instant> maxDeadline,
            Instant now) {
        buildFor(buildId, UPDATE);
        delegate.updateWorkspaceBuildDeadlineByID(buildId, deadline, maxDeadline, now);
    }

    @Override
    public void updateWorkspaceBuildCostByID(UUID buildId, int dailyCost) {
        buildFor(buildId, UPDATE);
        delegate.updateWorkspaceBuildCostByID(buildId, dailyCost);
    }

    @Override
    public void insertWorkspaceBuildParameters(List<WorkspaceBuildParameterRow> parameters) {
        parameters.stream().map(WorkspaceBuildParameterRow::workspaceBuildId).distinct()
                .forEach(buildId -> buildFor(buildId, UPDATE));
        delegate.insertWorkspaceBuildParameters(parameters);
    }

    @Override
    public List<WorkspaceBuildParameterRow> getWorkspaceBuildParameters(UUID buildId) {
        buildFor(buildId, READ);
        return delegate.getWorkspaceBuildParameters(buildId);
    }

    @Override
    public List<ProvisionerJobRow> getProvisionerJobsByIDs(List<UUID> ids) {
        return delegate.getProvisionerJobsByIDs(ids).stream().filter(this::canReadJob).toList();
    }

    // ---- what builds create (issue 5) ----

    @Override
    public void insertWorkspaceResource(WorkspaceResourceRow resource) {
        require(CREATE, SYSTEM);
        delegate.insertWorkspaceResource(resource);
    }

    @Override
    public void insertWorkspaceResourceMetadata(List<WorkspaceResourceMetadataRow> metadata) {
        require(CREATE, SYSTEM);
        delegate.insertWorkspaceResourceMetadata(metadata);
    }

    @Override
    public void insertWorkspaceAgent(WorkspaceAgentRow agent) {
        require(CREATE, SYSTEM);
        delegate.insertWorkspaceAgent(agent);
    }

    @Override
    public void insertWorkspaceApp(WorkspaceAppRow app) {
        require(CREATE, SYSTEM);
        delegate.insertWorkspaceApp(app);
    }

    @Override
    public void insertWorkspaceAgentScripts(List<WorkspaceAgentScriptRow> scripts) {
        require(CREATE, SYSTEM);
        delegate.insertWorkspaceAgentScripts(scripts);
    }

    @Override
    public void insertWorkspaceAgentLogSources(List<WorkspaceAgentLogSourceRow> sources) {
        require(CREATE, SYSTEM);
        delegate.insertWorkspaceAgentLogSources(sources);
    }

    @Override
    public void insertWorkspaceAgentMetadata(List<WorkspaceAgentMetadataRow> metadata) {
        require(CREATE, SYSTEM);
        delegate.insertWorkspaceAgentMetadata(metadata);
    }

    @Override
    public List<WorkspaceResourceTree> getWorkspaceResourceTreesByJobIDs(List<UUID> jobIds) {
        return readable(delegate.getWorkspaceResourceTreesByJobIDs(jobIds),
                tree -> workspace(tree.organizationId(), tree.workspaceOwnerId()));
    }

    @Override
    public void insertProvisionerJobTimings(List<ProvisionerJobTimingRow> timings) {
        require(CREATE, SYSTEM);
        delegate.insertProvisionerJobTimings(timings);
    }

    @Override
    public List<ProvisionerJobTimingRow> getProvisionerJobTimingsByJobID(UUID jobId) {
        getProvisionerJobByID(jobId).orElseThrow(NotFound::new);
        return delegate.getProvisionerJobTimingsByJobID(jobId);
    }

    @Override
    public List<WorkspaceAgentScriptTimingRow> getWorkspaceAgentScriptTimingsByJobID(UUID jobId) {
        getProvisionerJobByID(jobId).orElseThrow(NotFound::new);
        return delegate.getWorkspaceAgentScriptTimingsByJobID(jobId);
    }

    // ---- workspace agents: authentication and what agents report (issue 6) ----
    // Per-agent reads and writes are checked against the agent's workspace (the acting subject is the
    // agent itself, acting for the workspace owner, or a user reading an agent of a workspace they can
    // see). Batched writes of many agents are done by named system actors, after the agent API
    // checked each agent.

    /** The workspace an agent belongs to, as an RBAC object; a missing agent is a 404. */
    private RbacObject workspaceOfAgent(UUID agentId) {
        WorkspaceAgentTokenRow row = delegate.getWorkspaceAgentAndWorkspaceByID(agentId).orElseThrow(NotFound::new);
        return workspaceObject(row);
    }

    private static RbacObject workspaceObject(WorkspaceAgentTokenRow row) {
        return RbacObject.of(ResourceType.WORKSPACE).ownedBy(row.ownerId()).inOrganization(row.organizationId());
    }

    private boolean canReadAgent(UUID agentId) {
        return delegate.getWorkspaceAgentAndWorkspaceByID(agentId).map(row -> can(READ, workspaceObject(row))).orElse(false);
    }

    @Override
    public Optional<WorkspaceAgentTokenRow> getWorkspaceAgentAndLatestBuildByAuthToken(String authToken) {
        // Only the system actor that authenticates agents looks agents up by their secret.
        require(READ, SYSTEM);
        return delegate.getWorkspaceAgentAndLatestBuildByAuthToken(authToken);
    }

    @Override
    public Optional<WorkspaceAgentTokenRow> getWorkspaceAgentAndWorkspaceByID(UUID agentId) {
        return readable(delegate.getWorkspaceAgentAndWorkspaceByID(agentId), AuthorizingStore::workspaceObject);
    }

    @Override
    public Optional<WorkspaceAgentRow> getWorkspaceAgentByID(UUID agentId) {
        return canReadAgent(agentId) ? delegate.getWorkspaceAgentByID(agentId) : Optional.empty();
    }

    @Override
    public List<WorkspaceAppRow> getWorkspaceAppsByAgentID(UUID agentId) {
        require(READ, workspaceOfAgent(agentId));
        return delegate.getWorkspaceAppsByAgentID(agentId);
    }

    @Override
    public List<WorkspaceAgentScriptRow> getWorkspaceAgentScriptsByAgentID(UUID agentId) {
        require(READ, workspaceOfAgent(agentId));
        return delegate.getWorkspaceAgentScriptsByAgentID(agentId);
    }

    @Override
    public List<WorkspaceAgentLogSourceRow> getWorkspaceAgentLogSourcesByAgentID(UUID agentId) {
        require(READ, workspaceOfAgent(agentId));
        return delegate.getWorkspaceAgentLogSourcesByAgentID(agentId);
    }

    @Override
    public List<WorkspaceAgentMetadataRow> getWorkspaceAgentMetadata(UUID agentId) {
        require(READ, workspaceOfAgent(agentId));
        return delegate.getWorkspaceAgentMetadata(agentId);
    }

    @Override
    public void updateWorkspaceAgentLifecycleStateByID(UUID agentId, dev.jcoder.codersdk.WorkspaceAgentLifecycle state,
            Optional<Instant> startedAt, Optional<Instant> readyAt) {
        require(UPDATE, workspaceOfAgent(agentId));
        delegate.updateWorkspaceAgentLifecycleStateByID(agentId, state, startedAt, readyAt);
    }

    @Override
    public void updateWorkspaceAgentStartupByID(UUID agentId, String version, String expandedDirectory,
            List<String> subsystems, String apiVersion) {
        require(UPDATE, workspaceOfAgent(agentId));
        delegate.updateWorkspaceAgentStartupByID(agentId, version, expandedDirectory, subsystems, apiVersion);
    }

    @Override
    public void updateWorkspaceAgentConnectionByID(UUID agentId, Optional<Instant> firstConnectedAt,
            Optional<Instant> lastConnectedAt, Optional<Instant> disconnectedAt, Instant now) {
        require(UPDATE, workspaceOfAgent(agentId));
        delegate.updateWorkspaceAgentConnectionByID(agentId, firstConnectedAt, lastConnectedAt, disconnectedAt, now);
    }

    @Override
    public void updateWorkspaceAgentsLastConnectedAt(List<UUID> agentIds, Instant now) {
        require(UPDATE, SYSTEM);
        delegate.updateWorkspaceAgentsLastConnectedAt(agentIds, now);
    }

    @Override
    public Optional<List<WorkspaceAgentLogRow>> insertWorkspaceAgentLogs(UUID agentId, UUID logSourceId,
            List<NewWorkspaceAgentLog> logs, int limitBytes) {
        require(UPDATE, workspaceOfAgent(agentId));
        return delegate.insertWorkspaceAgentLogs(agentId, logSourceId, logs, limitBytes);
    }

    @Override
    public List<WorkspaceAgentLogRow> getWorkspaceAgentLogsAfter(UUID agentId, long after) {
        require(READ, workspaceOfAgent(agentId));
        return delegate.getWorkspaceAgentLogsAfter(agentId, after);
    }

    @Override
    public void upsertWorkspaceAgentLogSource(WorkspaceAgentLogSourceRow source) {
        require(UPDATE, workspaceOfAgent(source.workspaceAgentId()));
        delegate.upsertWorkspaceAgentLogSource(source);
    }

    @Override
    public void updateWorkspaceAgentMetadata(List<WorkspaceAgentMetadataUpdate> updates) {
        require(UPDATE, SYSTEM);
        delegate.updateWorkspaceAgentMetadata(updates);
    }

    @Override
    public void updateWorkspaceAppHealthsByAgentID(UUID agentId, java.util.Map<UUID, dev.jcoder.codersdk.WorkspaceAppHealth> healths) {
        require(UPDATE, workspaceOfAgent(agentId));
        delegate.updateWorkspaceAppHealthsByAgentID(agentId, healths);
    }

    @Override
    public void insertWorkspaceAgentStats(List<WorkspaceAgentStatsRow> stats) {
        require(CREATE, SYSTEM);
        delegate.insertWorkspaceAgentStats(stats);
    }
}
