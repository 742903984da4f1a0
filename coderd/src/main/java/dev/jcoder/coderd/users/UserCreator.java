package dev.jcoder.coderd.users;

import dev.jcoder.coderd.auth.GitSshKeyGenerator;
import dev.jcoder.coderd.auth.PasswordHasher;
import dev.jcoder.coderd.auth.PasswordPolicy;
import dev.jcoder.coderd.errors.Conflict;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.coderd.http.Validator;
import dev.jcoder.coderd.store.GitSshKeyRow;
import dev.jcoder.coderd.store.OrganizationMemberRow;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.coderd.store.UserRow;
import dev.jcoder.codersdk.LoginType;
import dev.jcoder.codersdk.UserStatus;
import dev.jcoder.codersdk.ValidationError;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;

/**
 * Creates a user: validates the request, hashes the password, and in one transaction writes the
 * user, their organization memberships and their git SSH key.
 */
public final class UserCreator {
    private final PasswordHasher hasher;
    private final GitSshKeyGenerator sshKeys = new GitSshKeyGenerator();
    private final InstantSource clock;

    public UserCreator(PasswordHasher hasher, InstantSource clock) {
        this.hasher = hasher;
        this.clock = clock;
    }

    /** What to create. An empty password is only allowed for login types other than password. */
    public record NewUser(String email, String username, String name, String password, LoginType loginType,
            List<String> siteRoles, List<UUID> organizationIds) {
        public NewUser {
            siteRoles = List.copyOf(siteRoles);
            organizationIds = List.copyOf(organizationIds);
        }
    }

    public static void validate(NewUser user) {
        Validator validator = new Validator()
                .required("email", user.email()).email("email", user.email())
                .required("username", user.username()).username("username", user.username())
                .maxLength("name", user.name(), 128);
        if (user.loginType() == LoginType.PASSWORD) {
            validator.required("password", user.password());
        } else if (user.password() != null && !user.password().isEmpty()) {
            validator.add("password", "A password can only be set for users with login type \"password\".");
        }
        validator.throwIfInvalid();
        if (user.loginType() == LoginType.PASSWORD) {
            PasswordPolicy.problem(user.password()).ifPresent(problem -> {
                throw new ValidationFailed("Invalid password.", "", List.of(new ValidationError("password", problem)));
            });
        }
    }

    /** Validates and creates; a duplicate email or username is 409. Runs in its own transaction. */
    public UserRow create(Store store, NewUser user) {
        validate(user);
        String hash = user.loginType() == LoginType.PASSWORD ? hasher.hash(user.password()) : "";
        return store.inTransaction(tx -> {
            tx.getUserByEmailOrUsername(user.email(), user.username()).ifPresent(existing -> {
                throw new Conflict(existing.email().equalsIgnoreCase(user.email())
                        ? "A user with this email address already exists."
                        : "A user with this username already exists.");
            });
            Instant now = clock.instant();
            UserRow row = new UserRow(UUID.randomUUID(), user.email().strip(), user.username().strip(),
                    user.name() == null ? "" : user.name().strip(), "", hash, user.loginType(), UserStatus.ACTIVE,
                    user.siteRoles(), "", false, now, now, now);
            tx.insertUser(row);
            for (UUID organizationId : user.organizationIds()) {
                tx.insertOrganizationMember(new OrganizationMemberRow(organizationId, row.id(), List.of(), now, now));
            }
            GitSshKeyGenerator.OpenSshKeyPair keyPair = sshKeys.generate();
            tx.insertGitSSHKey(new GitSshKeyRow(row.id(), now, now, keyPair.privateKey(), keyPair.publicKey()));
            return row;
        });
    }
}
