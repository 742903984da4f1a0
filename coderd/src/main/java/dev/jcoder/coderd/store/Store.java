package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.UserStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every database operation of the server, one method per query, named after Coder's queries.
 * Reads return {@link Optional#empty()} both when a row is missing and, behind
 * {@link AuthorizingStore}, when the subject may not read it.
 */
public interface Store {

    /** Runs {@code work} in one transaction; a thrown exception rolls it back. */
    <T> T inTransaction(Function<Store, T> work);

    /** Takes a PostgreSQL advisory lock held until the current transaction ends (use inside one). */
    void acquireLock(long key);

    // ---- deployment ----
    Optional<String> getDeploymentID();

    void insertDeploymentID(String id);

    // ---- organizations ----
    Optional<OrganizationRow> getDefaultOrganization();

    Optional<OrganizationRow> getOrganizationByID(UUID id);

    Optional<OrganizationRow> getOrganizationByName(String name);

    List<OrganizationRow> getOrganizations();

    List<OrganizationRow> getOrganizationsByUserID(UUID userId);

    void insertOrganization(OrganizationRow organization);

    // ---- organization members ----
    void insertOrganizationMember(OrganizationMemberRow member);

    List<OrganizationMemberRow> getOrganizationMembers(UUID organizationId);

    List<OrganizationMemberRow> getOrganizationMembershipsByUserID(UUID userId);

    List<OrganizationMemberRow> getOrganizationMembershipsByUserIDs(List<UUID> userIds);

    // ---- users ----
    long getUserCount();

    Optional<UserRow> getUserByID(UUID id);

    /** The non-deleted user with this email or username (case-insensitive); an empty argument matches nothing. */
    Optional<UserRow> getUserByEmailOrUsername(String email, String username);

    Page<UserRow> getUsers(UsersFilter filter, int limit, int offset);

    List<UserRow> getUsersByIDs(List<UUID> ids);

    void insertUser(UserRow user);

    UserRow updateUserProfile(UUID id, String username, String name, Instant now);

    UserRow updateUserStatus(UUID id, UserStatus status, Instant now);

    void updateUserHashedPassword(UUID id, String hashedPassword, Instant now);

    UserRow updateUserRoles(UUID id, List<String> roles, Instant now);

    void updateUserLastSeenAt(UUID id, Instant lastSeenAt);

    /** Marks the user deleted and removes their API keys so that no token of theirs works again. */
    void updateUserDeletedByID(UUID id, Instant now);

    // ---- API keys ----
    void insertAPIKey(ApiKeyRow key);

    Optional<ApiKeyRow> getAPIKeyByID(String id);

    Optional<ApiKeyRow> getAPIKeyByName(UUID userId, String tokenName);

    List<ApiKeyRow> getAPIKeysByUserID(UUID userId, boolean tokensOnly);

    List<ApiKeyRow> getAPIKeysByLoginType(boolean tokensOnly);

    void updateAPIKeyByID(String id, Instant lastUsed, Instant expiresAt, String ipAddress);

    void deleteAPIKeyByID(String id);

    // ---- git SSH keys ----
    Optional<GitSshKeyRow> getGitSSHKey(UUID userId);

    void insertGitSSHKey(GitSshKeyRow key);

    GitSshKeyRow updateGitSSHKey(GitSshKeyRow key);

    // ---- files (issue 3) ----
    Optional<FileRow> getFileByID(UUID id);

    Optional<FileRow> getFileByHashAndCreator(String hash, UUID createdBy);

    void insertFile(FileRow file);

    // ---- provisioner jobs (issue 3) ----
    void insertProvisionerJob(NewProvisionerJob job);

    Optional<ProvisionerJobRow> getProvisionerJobByID(UUID id);

    /** Jobs of an organization, newest first; an empty status list means every status; limit 0 means no limit. */
    List<ProvisionerJobRow> getProvisionerJobsByOrganization(UUID organizationId, List<String> statuses, int limit);

    /**
     * Hands the oldest pending job that the daemon may run (same organization, one of its
     * provisioners, tags matched by {@code provisioner_tagset_contains}) to the daemon, skipping
     * rows other daemons are taking at the same moment.
     */
    Optional<ProvisionerJobRow> acquireProvisionerJob(UUID workerId, UUID organizationId, List<String> provisioners,
            String daemonTags, Instant now);

    /** Records a heartbeat of a running job owned by {@code workerId}; false when it is not (any more). */
    boolean updateProvisionerJobByID(UUID id, UUID workerId, Instant now);

    /** Marks the job canceled; a job that never started is completed at the same moment. */
    ProvisionerJobRow updateProvisionerJobWithCancelByID(UUID id, Instant now);

    /** Ends a job: {@code error} empty for success. False when the job had already ended. */
    boolean updateProvisionerJobWithCompleteByID(UUID id, Instant now, String error, String errorCode);

    /** Running jobs whose last heartbeat is before {@code heartbeatBefore}, and pending jobs created before {@code createdBefore}. */
    List<ProvisionerJobRow> getHungProvisionerJobs(Instant heartbeatBefore, Instant createdBefore);

    /** Stores log lines and returns them with their ids. */
    List<ProvisionerJobLogRow> insertProvisionerJobLogs(UUID jobId, List<ProvisionerJobLogRow> logs);

    /** Lines with {@code after < id < before} (before 0: no upper bound), oldest first. */
    List<ProvisionerJobLogRow> getProvisionerLogsAfterID(UUID jobId, long after, long before);

    void insertProvisionerJobResources(ProvisionerJobResourcesRow resources);

    List<ProvisionerJobResourcesRow> getProvisionerJobResources(UUID jobId);

    // ---- provisioner daemons (issue 3) ----
    ProvisionerDaemonRow upsertProvisionerDaemon(ProvisionerDaemonRow daemon);

    void updateProvisionerDaemonLastSeenAt(UUID id, Instant lastSeenAt);

    List<ProvisionerDaemonRow> getProvisionerDaemonsByOrganization(UUID organizationId);

    // ---- templates (issue 3) ----
    Optional<TemplateRow> getTemplateByID(UUID id);

    Optional<TemplateRow> getTemplateByOrganizationAndName(UUID organizationId, String name);

    List<TemplateRow> getTemplatesWithFilter(TemplatesFilter filter);

    void insertTemplate(TemplateRow template);

    TemplateRow updateTemplateMetaByID(TemplateRow template);

    void updateTemplateActiveVersionByID(UUID templateId, UUID versionId, Instant now);

    void updateTemplateDeletedByID(UUID id, Instant now);

    /** Live workspaces of the template (0 until the workspaces migration defines them). */
    long getTemplateWorkspaceCount(UUID templateId);

    // ---- template versions (issue 3) ----
    Optional<TemplateVersionRow> getTemplateVersionByID(UUID id);

    Optional<TemplateVersionRow> getTemplateVersionByJobID(UUID jobId);

    Optional<TemplateVersionRow> getTemplateVersionByTemplateIDAndName(UUID templateId, String name);

    /** Versions of a template, oldest first. */
    List<TemplateVersionRow> getTemplateVersionsByTemplateID(UUID templateId, boolean includeArchived);

    /** The version of the same template created just before this one. */
    Optional<TemplateVersionRow> getPreviousTemplateVersion(UUID templateId, Instant createdAt);

    void insertTemplateVersion(TemplateVersionRow version);

    /** Sets the name, message and template of a version. */
    TemplateVersionRow updateTemplateVersionByID(UUID id, Optional<UUID> templateId, String name, String message, Instant now);

    void updateTemplateVersionReadmeByJobID(UUID jobId, String readme, Instant now);

    void updateTemplateVersionArchivedByID(UUID id, boolean archived, Instant now);

    void insertTemplateVersionParameter(TemplateVersionParameterRow parameter);

    List<TemplateVersionParameterRow> getTemplateVersionParameters(UUID templateVersionId);

    /** Replaces the variables of a version. */
    void replaceTemplateVersionVariables(UUID templateVersionId, List<TemplateVersionVariableRow> variables);

    List<TemplateVersionVariableRow> getTemplateVersionVariables(UUID templateVersionId);

    /** The workspace tags ({@code coder_workspace_tags}) an import found; replaces earlier ones. */
    void insertTemplateVersionWorkspaceTags(UUID templateVersionId, java.util.Map<String, String> tags);

    java.util.Map<String, String> getTemplateVersionWorkspaceTags(UUID templateVersionId);

    /** The external auth provider ids ({@code coder_external_auth}) an import found, in order; replaces earlier ones. */
    void insertTemplateVersionExternalAuthProviders(UUID templateVersionId, List<String> providerIds);

    List<String> getTemplateVersionExternalAuthProviders(UUID templateVersionId);

    void insertPreset(TemplateVersionPresetRow preset);

    List<TemplateVersionPresetRow> getPresetsByTemplateVersionID(UUID templateVersionId);

    // ---- workspaces (issue 5) ----
    void insertWorkspace(NewWorkspace workspace);

    /** A workspace, deleted or not. */
    Optional<WorkspaceRow> getWorkspaceByID(UUID id);

    /** The owner's live workspace with this name (case-insensitive), or when {@code includeDeleted} the newest of that name. */
    Optional<WorkspaceRow> getWorkspaceByOwnerIDAndName(UUID ownerId, String name, boolean includeDeleted);

    /** Live workspaces matching the filter, favorites of the requester first, then running ones, then by owner and name. */
    Page<WorkspaceRow> getWorkspaces(WorkspacesFilter filter, int limit, int offset);

    /** Renames; 409 when the owner has another live workspace of that name. */
    void updateWorkspace(UUID id, String name, Instant now);

    void updateWorkspaceTTL(UUID id, Optional<Long> ttlMs, Instant now);

    void updateWorkspaceAutostart(UUID id, Optional<String> schedule, Instant now);

    void updateWorkspaceAutomaticUpdates(UUID id, dev.jcoder.codersdk.AutomaticUpdates updates, Instant now);

    void favoriteWorkspace(UUID id);

    void unfavoriteWorkspace(UUID id);

    void updateWorkspaceDormantDeletingAt(UUID id, Optional<Instant> dormantAt, Optional<Instant> deletingAt, Instant now);

    void updateWorkspaceDeletedByID(UUID id, boolean deleted, Instant now);

    void updateWorkspaceLastUsedAt(UUID id, Instant lastUsedAt);

    // ---- lifecycle (issue 8) ----

    /** Takes a transaction-scoped advisory lock if no one holds it; false at once if someone does. */
    boolean tryAcquireLock(long key);

    /**
     * Coder's {@code GetWorkspacesEligibleForTransition}: live workspaces that may need an automatic
     * build at {@code now} (running past the deadline; stopped with an autostart due or not computed
     * yet; failed past the template's failure TTL; inactive past the dormancy threshold; dormant past
     * the auto-delete time). A superset: the executor decides per workspace.
     */
    List<UUID> getWorkspacesEligibleForTransition(Instant now);

    /** Stores the next autostart the executor computed (empty: none). */
    void updateWorkspaceNextStartAt(UUID id, Optional<Instant> nextStartAt);

    /** Live, stopped workspaces with an autostart schedule whose next start is not stored yet. */
    List<WorkspaceNextStartRow> getWorkspacesWithUnknownNextStartAt();

    /** Stores many computed next starts in one statement. */
    void updateWorkspacesNextStartAt(java.util.Map<UUID, Instant> nextStartAt);

    /**
     * Coder's {@code ActivityBumpWorkspace}: pushes the deadline of the latest (completed start)
     * build to {@code now} + the template's activity bump, never earlier than it was, never past
     * {@code max_deadline}; a bump that would pass {@code nextAutostart} becomes the time to it plus
     * the TTL; only once 5% of the bump has elapsed. True when the deadline moved.
     */
    boolean activityBumpWorkspace(UUID workspaceId, Optional<Instant> nextAutostart, Instant now);

    // ---- workspace builds (issue 5) ----
    void insertWorkspaceBuild(NewWorkspaceBuild build);

    Optional<WorkspaceBuildRow> getWorkspaceBuildByID(UUID id);

    Optional<WorkspaceBuildRow> getWorkspaceBuildByJobID(UUID jobId);

    Optional<WorkspaceBuildRow> getLatestWorkspaceBuildByWorkspaceID(UUID workspaceId);

    /** The latest build of each of these workspaces. */
    List<WorkspaceBuildRow> getLatestWorkspaceBuildsByWorkspaceIDs(List<UUID> workspaceIds);

    Optional<WorkspaceBuildRow> getWorkspaceBuildByWorkspaceIDAndBuildNumber(UUID workspaceId, int buildNumber);

    /** Builds of a workspace, newest first; {@code since} keeps those created at or after it; limit 0 means no limit. */
    List<WorkspaceBuildRow> getWorkspaceBuildsByWorkspaceID(UUID workspaceId, Optional<Instant> since, int limit, int offset);

    /** The Terraform state a build holds (empty when none). */
    byte[] getWorkspaceBuildProvisionerStateByID(UUID buildId);

    void updateWorkspaceBuildProvisionerStateByID(UUID buildId, byte[] state, Instant now);

    void updateWorkspaceBuildDeadlineByID(UUID buildId, Optional<Instant> deadline, Optional<Instant> maxDeadline, Instant now);

    void updateWorkspaceBuildCostByID(UUID buildId, int dailyCost);

    void insertWorkspaceBuildParameters(List<WorkspaceBuildParameterRow> parameters);

    List<WorkspaceBuildParameterRow> getWorkspaceBuildParameters(UUID buildId);

    /** Jobs by id (with queue positions), for pages of builds. */
    List<ProvisionerJobRow> getProvisionerJobsByIDs(List<UUID> ids);

    // ---- what builds create (issue 5; the provisioner daemon writes, the API reads) ----
    void insertWorkspaceResource(WorkspaceResourceRow resource);

    void insertWorkspaceResourceMetadata(List<WorkspaceResourceMetadataRow> metadata);

    void insertWorkspaceAgent(WorkspaceAgentRow agent);

    void insertWorkspaceApp(WorkspaceAppRow app);

    void insertWorkspaceAgentScripts(List<WorkspaceAgentScriptRow> scripts);

    void insertWorkspaceAgentLogSources(List<WorkspaceAgentLogSourceRow> sources);

    void insertWorkspaceAgentMetadata(List<WorkspaceAgentMetadataRow> metadata);

    /** The resources the jobs created, each with its metadata, agents, apps, scripts and log sources. */
    List<WorkspaceResourceTree> getWorkspaceResourceTreesByJobIDs(List<UUID> jobIds);

    void insertProvisionerJobTimings(List<ProvisionerJobTimingRow> timings);

    List<ProvisionerJobTimingRow> getProvisionerJobTimingsByJobID(UUID jobId);

    /** The script timings of the agents a build's job created. */
    List<WorkspaceAgentScriptTimingRow> getWorkspaceAgentScriptTimingsByJobID(UUID jobId);

    // ---- workspace agents: authentication and what agents report (issue 6) ----

    /** The newest agent with this token and its workspace, whether or not its build is still the latest. */
    Optional<WorkspaceAgentTokenRow> getWorkspaceAgentAndLatestBuildByAuthToken(String authToken);

    /** An agent with its workspace (same shape as {@link #getWorkspaceAgentAndLatestBuildByAuthToken}). */
    Optional<WorkspaceAgentTokenRow> getWorkspaceAgentAndWorkspaceByID(UUID agentId);

    Optional<WorkspaceAgentRow> getWorkspaceAgentByID(UUID agentId);

    List<WorkspaceAppRow> getWorkspaceAppsByAgentID(UUID agentId);

    List<WorkspaceAgentScriptRow> getWorkspaceAgentScriptsByAgentID(UUID agentId);

    List<WorkspaceAgentLogSourceRow> getWorkspaceAgentLogSourcesByAgentID(UUID agentId);

    /** The agent's metadata definitions with their latest results, in display order. */
    List<WorkspaceAgentMetadataRow> getWorkspaceAgentMetadata(UUID agentId);

    /** Sets the lifecycle state; {@code startedAt}/{@code readyAt} are written only when present. */
    void updateWorkspaceAgentLifecycleStateByID(UUID agentId, dev.jcoder.codersdk.WorkspaceAgentLifecycle state,
            Optional<Instant> startedAt, Optional<Instant> readyAt);

    void updateWorkspaceAgentStartupByID(UUID agentId, String version, String expandedDirectory, List<String> subsystems,
            String apiVersion);

    /** Writes the connection timestamps that are present and {@code updated_at}. */
    void updateWorkspaceAgentConnectionByID(UUID agentId, Optional<Instant> firstConnectedAt,
            Optional<Instant> lastConnectedAt, Optional<Instant> disconnectedAt, Instant now);

    /** The tunnel heartbeat of many connected agents in one statement. */
    void updateWorkspaceAgentsLastConnectedAt(List<UUID> agentIds, Instant now);

    /**
     * Stores an agent's log lines unless they would take its total output over {@code limitBytes}; then
     * nothing is stored, the agent is marked {@code logs_overflowed} and the result is empty.
     */
    Optional<List<WorkspaceAgentLogRow>> insertWorkspaceAgentLogs(UUID agentId, UUID logSourceId,
            List<NewWorkspaceAgentLog> logs, int limitBytes);

    /** Log lines with an id above {@code after}, oldest first. */
    List<WorkspaceAgentLogRow> getWorkspaceAgentLogsAfter(UUID agentId, long after);

    /** Creates the log source unless the agent has one with that id already. */
    void upsertWorkspaceAgentLogSource(WorkspaceAgentLogSourceRow source);

    /** Writes results of existing metadata items (unknown keys are ignored), many agents in one batch. */
    void updateWorkspaceAgentMetadata(List<WorkspaceAgentMetadataUpdate> updates);

    /** Sets the health of the agent's apps named in {@code healths} (apps of other agents are not touched). */
    void updateWorkspaceAppHealthsByAgentID(UUID agentId, java.util.Map<UUID, dev.jcoder.codersdk.WorkspaceAppHealth> healths);

    void insertWorkspaceAgentStats(List<WorkspaceAgentStatsRow> stats);
}
