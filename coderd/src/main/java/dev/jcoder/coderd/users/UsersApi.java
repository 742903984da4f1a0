package dev.jcoder.coderd.users;

import dev.jcoder.coderd.CoderdConfig;
import dev.jcoder.coderd.auth.GitSshKeyGenerator;
import dev.jcoder.coderd.auth.PasswordHasher;
import dev.jcoder.coderd.auth.PasswordPolicy;
import dev.jcoder.coderd.errors.Forbidden;
import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.http.Validator;
import dev.jcoder.coderd.organizations.OrganizationConverter;
import dev.jcoder.coderd.rbac.Authorizer;
import dev.jcoder.coderd.rbac.Role;
import dev.jcoder.coderd.rbac.Roles;
import dev.jcoder.coderd.search.SearchQuery;
import dev.jcoder.coderd.store.GitSshKeyRow;
import dev.jcoder.coderd.store.OrganizationMemberRow;
import dev.jcoder.coderd.store.OrganizationRow;
import dev.jcoder.coderd.store.Page;
import dev.jcoder.coderd.store.UserRow;
import dev.jcoder.coderd.store.UsersFilter;
import dev.jcoder.codersdk.AssignableRole;
import dev.jcoder.codersdk.CreateUserRequest;
import dev.jcoder.codersdk.GetUsersResponse;
import dev.jcoder.codersdk.GitSshKey;
import dev.jcoder.codersdk.LoginType;
import dev.jcoder.codersdk.Response;
import dev.jcoder.codersdk.UpdateRoles;
import dev.jcoder.codersdk.UpdateUserPasswordRequest;
import dev.jcoder.codersdk.UpdateUserProfileRequest;
import dev.jcoder.codersdk.UserRoles;
import dev.jcoder.codersdk.UserStatus;
import dev.jcoder.codersdk.ValidationError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** User administration and self-service: list, create, profile, status, password, roles, SSH key. */
public final class UsersApi implements Api {
    private static final Set<String> USER_SEARCH_KEYS = Set.of("search", "status", "role", "last_seen_before",
            "last_seen_after", "created_before", "created_after", "login_type");

    private final UserCreator creator;
    private final PasswordHasher hasher;
    private final Authorizer authorizer;
    private final InstantSource clock;
    private final CoderdConfig config;
    private final GitSshKeyGenerator sshKeys = new GitSshKeyGenerator();

    public UsersApi(UserCreator creator, PasswordHasher hasher, Authorizer authorizer, InstantSource clock,
            CoderdConfig config) {
        this.creator = creator;
        this.hasher = hasher;
        this.authorizer = authorizer;
        this.clock = clock;
        this.config = config;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v2/users", this::list);
        routes.post("/api/v2/users", this::create);
        routes.get("/api/v2/users/roles", this::assignableRoles);
        routes.get("/api/v2/users/{user}", this::get);
        routes.delete("/api/v2/users/{user}", this::delete);
        routes.put("/api/v2/users/{user}/profile", this::updateProfile);
        routes.put("/api/v2/users/{user}/status/suspend", ctx -> updateStatus(ctx, UserStatus.SUSPENDED));
        routes.put("/api/v2/users/{user}/status/activate", ctx -> updateStatus(ctx, UserStatus.ACTIVE));
        routes.put("/api/v2/users/{user}/password", this::updatePassword);
        routes.get("/api/v2/users/{user}/roles", this::roles);
        routes.put("/api/v2/users/{user}/roles", this::updateRoles);
        routes.get("/api/v2/users/{user}/gitsshkey", this::gitSshKey);
        routes.put("/api/v2/users/{user}/gitsshkey", this::regenerateGitSshKey);
        routes.get("/api/v2/users/{user}/organizations", this::organizations);
        routes.get("/api/v2/users/{user}/organizations/{organizationname}", this::organizationByName);
    }

    private void list(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        SearchQuery query = SearchQuery.parse(ctx.queryParam("q"), "search", USER_SEARCH_KEYS);
        List<UserStatus> statuses = new ArrayList<>();
        for (String status : query.listValues("status")) {
            try {
                statuses.add(UserStatus.fromValue(status));
            } catch (IllegalArgumentException e) {
                throw new ValidationFailed("Invalid search query.", "", List.of(new ValidationError("status", e.getMessage())));
            }
        }
        UsersFilter filter = new UsersFilter(String.join(" ", query.values("search")), statuses, query.listValues("role"),
                query.time("last_seen_before"), query.time("last_seen_after"), query.time("created_before"),
                query.time("created_after"));
        Page<UserRow> page = auth.store().getUsers(filter, Requests.queryInt(ctx, "limit", 0), Requests.queryInt(ctx, "offset", 0));
        ctx.json(new GetUsersResponse(UserConverter.toSdk(auth.store(), page.items()), page.count()));
    }

    private void create(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        CreateUserRequest request = Requests.body(ctx, CreateUserRequest.class, config.maxRequestBodyBytes());
        List<UUID> organizations = new ArrayList<>(request.organizationIds());
        if (request.organizationId() != null && !organizations.contains(request.organizationId())) {
            organizations.add(request.organizationId());
        }
        if (organizations.isEmpty()) {
            organizations.add(auth.store().getDefaultOrganization().orElseThrow(NotFound::new).id());
        }
        for (UUID organization : organizations) {
            if (auth.store().getOrganizationByID(organization).isEmpty()) {
                throw ValidationFailed.field("organization_id", "Organization " + organization + " does not exist.");
            }
        }
        LoginType loginType = request.loginType() == null ? LoginType.PASSWORD : request.loginType();
        UserRow user = creator.create(auth.store(), new UserCreator.NewUser(request.email(), request.username(),
                request.name(), request.password(), loginType, List.of(), organizations));
        ctx.status(201).json(UserConverter.toSdk(auth.store(), user));
    }

    private void get(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        ctx.json(UserConverter.toSdk(auth.store(), UserResolver.resolve(ctx, auth)));
    }

    private void delete(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        if (user.id().equals(auth.user().id())) {
            throw new Forbidden("You cannot delete yourself!");
        }
        auth.store().updateUserDeletedByID(user.id(), clock.instant());
        ctx.json(Response.of("User has been deleted!"));
    }

    private void updateProfile(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        UpdateUserProfileRequest request = Requests.body(ctx, UpdateUserProfileRequest.class, config.maxRequestBodyBytes());
        new Validator().required("username", request.username()).username("username", request.username())
                .maxLength("name", request.name(), 128).throwIfInvalid();
        auth.store().getUserByEmailOrUsername("", request.username())
                .filter(other -> !other.id().equals(user.id()))
                .ifPresent(other -> {
                    throw new dev.jcoder.coderd.errors.Conflict("A user with this username already exists.");
                });
        UserRow updated = auth.store().updateUserProfile(user.id(), request.username().strip(),
                request.name() == null ? user.name() : request.name().strip(), clock.instant());
        ctx.json(UserConverter.toSdk(auth.store(), updated));
    }

    private void updateStatus(Context ctx, UserStatus status) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        if (status == UserStatus.SUSPENDED && user.id().equals(auth.user().id())) {
            throw new ValidationFailed("You cannot suspend yourself.");
        }
        UserRow updated = auth.store().updateUserStatus(user.id(), status, clock.instant());
        ctx.json(UserConverter.toSdk(auth.store(), updated));
    }

    private void updatePassword(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        UpdateUserPasswordRequest request = Requests.body(ctx, UpdateUserPasswordRequest.class, config.maxRequestBodyBytes());
        new Validator().required("password", request.password()).throwIfInvalid();
        if (user.loginType() != LoginType.PASSWORD) {
            throw new ValidationFailed("Users without password login type cannot change their password.");
        }
        PasswordPolicy.problem(request.password()).ifPresent(problem -> {
            throw new ValidationFailed("Invalid password.", "", List.of(new ValidationError("password", problem)));
        });
        if (user.id().equals(auth.user().id())) {
            // Changing your own password needs the old one, so a stolen session cannot lock you out.
            if (request.oldPassword() == null || !hasher.verify(request.oldPassword(), java.util.Optional.of(user.hashedPassword()))) {
                throw new ValidationFailed("Old password is incorrect.", "",
                        List.of(new ValidationError("old_password", "Old password is incorrect.")));
            }
        }
        auth.store().updateUserHashedPassword(user.id(), hasher.hash(request.password()), clock.instant());
        ctx.status(204);
    }

    private void roles(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        Map<UUID, List<String>> organizationRoles = new LinkedHashMap<>();
        for (OrganizationMemberRow member : auth.store().getOrganizationMembershipsByUserID(user.id())) {
            List<String> roles = new ArrayList<>(List.of("organization-member"));
            roles.addAll(member.roles());
            organizationRoles.put(member.organizationId(), roles);
        }
        List<String> siteRoles = new ArrayList<>(user.rbacRoles());
        siteRoles.add(Roles.MEMBER);
        ctx.json(new UserRoles(siteRoles, organizationRoles));
    }

    private void updateRoles(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        UpdateRoles request = Requests.body(ctx, UpdateRoles.class, config.maxRequestBodyBytes());
        if (user.id().equals(auth.user().id())) {
            throw new ValidationFailed("You cannot change your own roles.");
        }
        Set<String> wanted = new HashSet<>();
        for (String role : request.roles()) {
            if (role.equals(Roles.MEMBER)) {
                continue; // implicit for everyone
            }
            if (Roles.byName(role).isEmpty()) {
                throw ValidationFailed.field("roles", "\"" + role + "\" is not a site role.");
            }
            wanted.add(role);
        }
        Set<String> changed = new HashSet<>(wanted);
        changed.addAll(user.rbacRoles());
        changed.removeIf(role -> wanted.contains(role) && user.rbacRoles().contains(role));
        for (String role : changed) {
            if (!authorizer.canAssign(auth.subject(), role)) {
                throw new Forbidden("Forbidden.", "You are not allowed to assign or remove the role \"" + role + "\".");
            }
        }
        UserRow updated = auth.store().updateUserRoles(user.id(), wanted.stream().sorted().toList(), clock.instant());
        ctx.json(UserConverter.toSdk(auth.store(), updated));
    }

    private void assignableRoles(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        List<AssignableRole> roles = new ArrayList<>();
        for (Role role : Roles.assignableSiteRoles()) {
            roles.add(new AssignableRole(role.name(), role.displayName(), authorizer.canAssign(auth.subject(), role.name()), true));
        }
        ctx.json(roles);
    }

    private void gitSshKey(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        GitSshKeyRow key = auth.store().getGitSSHKey(user.id()).orElseThrow(NotFound::new);
        ctx.json(toSdk(key));
    }

    private void regenerateGitSshKey(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        GitSshKeyRow existing = auth.store().getGitSSHKey(user.id()).orElseThrow(NotFound::new);
        GitSshKeyGenerator.OpenSshKeyPair pair = sshKeys.generate();
        GitSshKeyRow updated = auth.store().updateGitSSHKey(new GitSshKeyRow(user.id(), existing.createdAt(),
                clock.instant(), pair.privateKey(), pair.publicKey()));
        ctx.json(toSdk(updated));
    }

    private static GitSshKey toSdk(GitSshKeyRow key) {
        return new GitSshKey(key.userId(), key.createdAt(), key.updatedAt(), key.publicKey());
    }

    private void organizations(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        ctx.json(auth.store().getOrganizationsByUserID(user.id()).stream().map(OrganizationConverter::toSdk).toList());
    }

    private void organizationByName(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        String name = ctx.pathParam("organizationname");
        OrganizationRow organization = auth.store().getOrganizationsByUserID(user.id()).stream()
                .filter(o -> o.name().equalsIgnoreCase(name))
                .findFirst().orElseThrow(NotFound::new);
        ctx.json(OrganizationConverter.toSdk(organization));
    }

}
