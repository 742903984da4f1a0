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
}
