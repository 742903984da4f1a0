package dev.jcoder.coderd.users;

import static dev.jcoder.coderd.testing.TestCoderd.PASSWORD;
import static dev.jcoder.coderd.testing.ApiAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTokenRequest;
import dev.jcoder.codersdk.CreateUserRequest;
import dev.jcoder.codersdk.LoginType;
import dev.jcoder.codersdk.UpdateUserPasswordRequest;
import dev.jcoder.codersdk.UpdateUserProfileRequest;
import dev.jcoder.codersdk.User;
import dev.jcoder.codersdk.UserStatus;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UsersApiTest {
    private static TestCoderd server;
    private static CoderClient owner;

    @BeforeAll
    static void start() {
        server = TestCoderd.start();
        owner = server.createFirstUser();
    }

    @AfterAll
    static void stop() {
        server.close();
    }


    @Test
    void ownerCreatesAMemberWhoCanSignIn() {
        String name = TestCoderd.uniqueName("member");
        User created = owner.createUser(new CreateUserRequest(name + "@example.com", name, "Mem Ber", PASSWORD));
        assertThat(created.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(created.loginType()).isEqualTo(LoginType.PASSWORD);
        assertThat(created.roles()).isEmpty();
        assertThat(created.organizationIds()).hasSize(1);

        CoderClient member = server.anonymous().withToken(server.anonymous().login(name + "@example.com", PASSWORD).sessionToken());
        assertThat(member.user("me").id()).isEqualTo(created.id());
        assertThat(owner.user(name).id()).isEqualTo(created.id());
        assertThat(owner.user(created.id().toString()).username()).isEqualTo(name);
    }

    @Test
    void duplicateUsernameOrEmailIsAConflict() {
        String name = TestCoderd.uniqueName("dup");
        owner.createUser(new CreateUserRequest(name + "@example.com", name, "", PASSWORD));
        assertThatThrownBy(() -> owner.createUser(new CreateUserRequest("other-" + name + "@example.com", name.toUpperCase(), "", PASSWORD)))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.response().message()).contains("username");
                });
        assertThatThrownBy(() -> owner.createUser(new CreateUserRequest(name.toUpperCase() + "@EXAMPLE.com", name + "x", "", PASSWORD)))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.response().message()).contains("email");
                });
    }

    @Test
    void userWithLoginTypeNoneNeedsNoPasswordAndCannotSignIn() {
        String name = TestCoderd.uniqueName("bot");
        User bot = owner.createUser(new CreateUserRequest(name + "@example.com", name, "", "", LoginType.NONE, null, List.of()));
        assertThat(bot.loginType()).isEqualTo(LoginType.NONE);
        assertStatus(() -> server.anonymous().login(name + "@example.com", PASSWORD), 401);
        // An owner can still mint a token for it.
        String token = owner.createToken(name, new CreateTokenRequest(0, null, "ci")).key();
        assertThat(server.anonymous().withToken(token).user("me").username()).isEqualTo(name);
    }

    @Test
    void unknownUserIs404() {
        assertStatus(() -> owner.user("no-such-user"), 404);
        assertStatus(() -> owner.user("00000000-0000-0000-0000-000000000000"), 404);
    }

    @Test
    void membersCanLookUpOtherUsersButNotManageThem() {
        CoderClient member = server.createUser(owner, TestCoderd.uniqueName("plain"));
        assertThat(member.user("owner").username()).isEqualTo("owner");
        assertThat(member.users("", 0, 0).users()).extracting(User::username).contains("owner");
        assertStatus(() -> member.createUser(new CreateUserRequest("x@example.com", "xyz", "", PASSWORD)), 403);
        assertStatus(() -> member.suspendUser("me"), 400);
        assertStatus(() -> member.suspendUser("owner"), 403);
        assertStatus(() -> member.updateUserRoles("owner", List.of()), 403);
        assertStatus(() -> member.updateProfile("owner", new UpdateUserProfileRequest("owner2", "")), 403);
        assertStatus(() -> member.gitSshKey("owner"), 404);
        assertStatus(() -> member.deleteUser("owner"), 403);
    }

    @Test
    void listFiltersWithCodersSearchSyntaxAndPaginates() {
        String prefix = TestCoderd.uniqueName("page");
        for (int i = 0; i < 3; i++) {
            owner.createUser(new CreateUserRequest(prefix + i + "@example.com", prefix + i, "", PASSWORD));
        }
        var page = owner.users(prefix, 2, 0);
        assertThat(page.count()).isEqualTo(3);
        assertThat(page.users()).hasSize(2);
        assertThat(owner.users(prefix, 2, 2).users()).hasSize(1);
        assertThat(owner.users("role:owner", 0, 0).users()).extracting(User::username).containsExactly("owner");
        owner.suspendUser(prefix + "1");
        assertThat(owner.users(prefix + " status:suspended", 0, 0).users()).extracting(User::username).containsExactly(prefix + "1");
        assertThat(owner.users("status:active,suspended " + prefix, 0, 0).count()).isEqualTo(3);
    }

    @Test
    void malformedSearchIs400() {
        assertThatThrownBy(() -> owner.users("status:", 0, 0)).isInstanceOfSatisfying(CoderApiException.class,
                e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> owner.users("bogus:1", 0, 0)).isInstanceOfSatisfying(CoderApiException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.response().validations()).extracting(v -> v.field()).containsExactly("bogus");
        });
        assertStatus(() -> owner.get("/api/v2/users?limit=-1", Object.class), 400);
    }

    @Test
    void suspendedUsersCannotSignInAndTheirTokensStop() {
        String name = TestCoderd.uniqueName("susp");
        CoderClient member = server.createUser(owner, name);
        assertThat(owner.suspendUser(name).status()).isEqualTo(UserStatus.SUSPENDED);
        assertStatus(() -> member.user("me"), 401);
        assertStatus(() -> server.anonymous().login(name + "@example.com", PASSWORD), 401);
        assertThat(owner.activateUser(name).status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(member.user("me").username()).isEqualTo(name);
    }

    @Test
    void ownerCannotSuspendOrDeleteThemselves() {
        assertStatus(() -> owner.suspendUser("me"), 400);
        assertStatus(() -> owner.deleteUser("me"), 403);
    }

    @Test
    void deletedUsersTokensStopWorkingAtOnce() {
        String name = TestCoderd.uniqueName("gone");
        CoderClient member = server.createUser(owner, name);
        String token = member.createToken("me", new CreateTokenRequest(0, null, "t")).key();
        owner.deleteUser(name);
        assertStatus(() -> member.user("me"), 401);
        assertStatus(() -> server.anonymous().withToken(token).user("me"), 401);
        assertStatus(() -> owner.user(name), 404);
        // The name is free again.
        owner.createUser(new CreateUserRequest(name + "@example.com", name, "", PASSWORD));
    }

    @Test
    void profileUpdateRenamesAndRejectsTakenNames() {
        String name = TestCoderd.uniqueName("prof");
        CoderClient member = server.createUser(owner, name);
        User updated = member.updateProfile("me", new UpdateUserProfileRequest(name + "-new", "New Name"));
        assertThat(updated.username()).isEqualTo(name + "-new");
        assertThat(updated.name()).isEqualTo("New Name");
        assertStatus(() -> member.updateProfile("me", new UpdateUserProfileRequest("owner", "")), 409);
        assertStatus(() -> member.updateProfile("me", new UpdateUserProfileRequest("bad name", "")), 400);
    }

    @Test
    void changingYourOwnPasswordNeedsTheOldOne() {
        String name = TestCoderd.uniqueName("pw");
        CoderClient member = server.createUser(owner, name);
        String newPassword = "Another-Strong-Pass-42";
        assertStatus(() -> member.updatePassword("me", new UpdateUserPasswordRequest("wrong", newPassword)), 400);
        assertStatus(() -> member.updatePassword("me", new UpdateUserPasswordRequest(PASSWORD, "weak")), 400);
        member.updatePassword("me", new UpdateUserPasswordRequest(PASSWORD, newPassword));
        assertThat(server.anonymous().login(name + "@example.com", newPassword).sessionToken()).isNotEmpty();
        // An owner resets someone else's password without the old one.
        owner.updatePassword(name, new UpdateUserPasswordRequest("", PASSWORD));
        assertThat(server.anonymous().login(name + "@example.com", PASSWORD).sessionToken()).isNotEmpty();
    }

    @Test
    void rolesAreAssignedOnlyByThoseAllowedTo() {
        String adminName = TestCoderd.uniqueName("uadmin");
        CoderClient userAdmin = server.createUser(owner, adminName, "user-admin");
        assertThat(userAdmin.userRoles("me").roles()).contains("user-admin", "member");
        String targetName = TestCoderd.uniqueName("target");
        userAdmin.createUser(new CreateUserRequest(targetName + "@example.com", targetName, "", PASSWORD));
        assertThat(userAdmin.updateUserRoles(targetName, List.of("template-admin")).roles())
                .extracting(role -> role.name()).containsExactly("template-admin");
        assertStatus(() -> userAdmin.updateUserRoles(targetName, List.of("owner")), 403);
        assertStatus(() -> owner.updateUserRoles(targetName, List.of("no-such-role")), 400);
        assertStatus(() -> userAdmin.updateUserRoles("me", List.of()), 400);
        assertThat(userAdmin.assignableSiteRoles()).anySatisfy(role -> {
            assertThat(role.name()).isEqualTo("owner");
            assertThat(role.assignable()).isFalse();
        });
        assertThat(owner.assignableSiteRoles()).allSatisfy(role -> assertThat(role.assignable()).isTrue());
    }

    @Test
    void everyUserHasAnEd25519GitSshKeyThatCanBeRegenerated() {
        var key = owner.gitSshKey("me");
        assertThat(key.publicKey()).startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5");
        var regenerated = owner.regenerateGitSshKey("me");
        assertThat(regenerated.publicKey()).startsWith("ssh-ed25519 ").isNotEqualTo(key.publicKey());
    }

    @Test
    void organizationsAndMembersAreVisibleToMembers() {
        CoderClient member = server.createUser(owner, TestCoderd.uniqueName("orgm"));
        assertThat(member.organizations()).singleElement().satisfies(o -> assertThat(o.isDefault()).isTrue());
        assertThat(member.organizationMembers("default")).extracting(m -> m.username()).contains("owner");
        assertThat(member.get("/api/v2/users/me/organizations", Object[].class)).hasSize(1);
        assertStatus(() -> member.organization("no-such-org"), 404);
    }
}
