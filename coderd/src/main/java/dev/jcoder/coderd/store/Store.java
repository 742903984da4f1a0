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
}
