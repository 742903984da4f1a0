package dev.jcoder.cli.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.cli.CliRunner;
import dev.jcoder.cli.CliRunner.Result;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateUserRequest;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.LoginType;
import dev.jcoder.codersdk.SlimRole;
import dev.jcoder.codersdk.User;
import dev.jcoder.codersdk.UserStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersCommandTest {
    private static TestCoderd coderd;
    private static CoderClient owner;

    @TempDir
    Path config;

    private CliRunner cli;

    @BeforeAll
    static void startServer() {
        coderd = TestCoderd.start();
        owner = coderd.createFirstUser();
    }

    @AfterAll
    static void stopServer() {
        coderd.close();
    }

    @BeforeEach
    void logIn() {
        cli = new CliRunner(config).loggedIn(coderd.url(), owner.sessionToken().orElseThrow());
    }

    private User createUser(String prefix) {
        String name = TestCoderd.uniqueName(prefix);
        return owner.createUser(new CreateUserRequest(name + "@example.com", name, "", TestCoderd.PASSWORD));
    }

    @Test
    void listPrintsATableSortedByUsername() {
        User user = createUser("zed");
        Result result = cli.run("users", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.getFirst()).matches("USERNAME\\s{2,}EMAIL\\s{2,}CREATED AT\\s{2,}STATUS");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "owner\\s+owner@example\\.com\\s+\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\s+active"));
        assertThat(result.out().indexOf("owner")).isLessThan(result.out().indexOf(user.username()));
        int emailColumn = lines.getFirst().indexOf("EMAIL");
        assertThat(lines).allSatisfy(line -> assertThat(line.charAt(emailColumn - 1)).isEqualTo(' '));
    }

    @Test
    void listAsJson() throws Exception {
        Result result = cli.run("users", "ls", "-o", "json");

        JsonNode users = Json.mapper().readTree(result.out());
        assertThat(users.isArray()).isTrue();
        assertThat(users.findValuesAsText("username")).contains("owner");
        assertThat(users.get(0).has("created_at")).isTrue();
    }

    @Test
    void listWithChosenColumns() {
        Result result = cli.run("users", "list", "-c", "username,status", "--column", "id");

        assertThat(result.out().lines().findFirst().orElseThrow()).matches("USERNAME\\s+STATUS\\s+ID");
    }

    @Test
    void listWithUnknownColumnFails() {
        Result result = cli.run("users", "list", "-c", "shoe size");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Unknown column \"shoe size\"").contains("username");
    }

    @Test
    void listHelpNamesTheColumns() {
        Result result = cli.run("users", "list", "--help");

        assertThat(result.out().replaceAll("\\s+", " ")).contains("Columns to display in table output: id, username, name, email")
                .contains("Default: username,email,created at,status").contains("Output format: table|json");
    }

    @Test
    void createWithFlags() {
        String name = TestCoderd.uniqueName("carol");
        Result result = cli.run("users", "create", "--email", name + "@example.com", "--username", name,
                "--full-name", "Carol C", "--password", TestCoderd.PASSWORD);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Your email is: " + name + "@example.com")
                .contains("Your password is: " + TestCoderd.PASSWORD);
        User created = owner.user(name);
        assertThat(created.name()).isEqualTo("Carol C");
        assertThat(coderd.anonymous().login(name + "@example.com", TestCoderd.PASSWORD).sessionToken()).isNotBlank();
    }

    @Test
    void createWithoutPasswordGeneratesOne() {
        String name = TestCoderd.uniqueName("dave");
        Result result = cli.run("users", "create", "-e", name + "@example.com", "-u", name);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Matcher password = Pattern.compile("Your password is: (\\S+)").matcher(result.out());
        assertThat(password.find()).isTrue();
        assertThat(coderd.anonymous().login(name + "@example.com", password.group(1)).sessionToken()).isNotBlank();
    }

    @Test
    void createWithLoginTypeNone() {
        String name = TestCoderd.uniqueName("robot");
        Result result = cli.run("users", "create", "-e", name + "@example.com", "-u", name, "--login-type", "none");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(owner.user(name).loginType()).isEqualTo(LoginType.NONE);
    }

    @Test
    void createInAnOrganizationByName() {
        String name = TestCoderd.uniqueName("olga");
        var organization = owner.organizations().getFirst();
        Result result = cli.run("users", "create", "-e", name + "@example.com", "-u", name, "-p", TestCoderd.PASSWORD,
                "--org", organization.name());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(owner.user(name).organizationIds()).containsExactly(organization.id());
    }

    @Test
    void createWithUnknownOrganizationFails() {
        Result result = cli.run("users", "create", "-e", "p@example.com", "-u", "p-user", "-p", TestCoderd.PASSWORD,
                "--org", "no-such-org");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("404");
    }

    @Test
    void createDuplicateFails() {
        Result result = cli.run("users", "create", "-e", "other@example.com", "-u", "owner", "-p", TestCoderd.PASSWORD);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("already exists");
    }

    @Test
    void showByUsernameAndMe() throws Exception {
        Result byName = cli.run("users", "show", "owner");
        Result me = cli.run("users", "show", "me", "-o", "json");

        assertThat(byName.exitCode()).as(byName.toString()).isZero();
        assertThat(byName.out().lines().findFirst().orElseThrow())
                .matches("ID\\s+USERNAME\\s+NAME\\s+EMAIL\\s+STATUS\\s+CREATED AT\\s+ROLES\\s+ORGANIZATIONS");
        assertThat(byName.out()).contains("owner@example.com").contains("owner");
        JsonNode user = Json.mapper().readTree(me.out());
        assertThat(user.get("username").asText()).isEqualTo("owner");
    }

    @Test
    void showUnknownUserFailsWithTheServersMessage() {
        Result result = cli.run("users", "show", "nobody-here");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Resource not found or you do not have access to this resource").contains("404");
    }

    @Test
    void suspendAndActivate() {
        User user = createUser("erin");

        Result suspend = cli.run("users", "suspend", user.username(), "--yes");
        assertThat(suspend.exitCode()).as(suspend.toString()).isZero();
        assertThat(suspend.out()).contains("User " + user.username() + " has been suspended!");
        assertThat(owner.user(user.username()).status()).isEqualTo(UserStatus.SUSPENDED);

        Result activate = cli.run("users", "activate", user.id().toString(), "-y");
        assertThat(activate.exitCode()).as(activate.toString()).isZero();
        assertThat(activate.out()).contains("has been activated!");
        assertThat(owner.user(user.username()).status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void suspendAsksForConfirmation() {
        User user = createUser("frank");

        Result declined = cli.runWithInput("no\n", "users", "suspend", user.username());
        assertThat(declined.exitCode()).isEqualTo(1);
        assertThat(owner.user(user.username()).status()).isEqualTo(UserStatus.ACTIVE);

        Result accepted = cli.runWithInput("yes\n", "users", "suspend", user.username());
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(owner.user(user.username()).status()).isEqualTo(UserStatus.SUSPENDED);
    }

    @Test
    void deleteRemovesTheUser() {
        User user = createUser("gina");

        Result result = cli.run("users", "delete", user.username());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Successfully deleted " + user.username() + ".");
        assertThatThrownBy(() -> owner.user(user.id().toString()))
                .isInstanceOfSatisfying(CoderApiException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void editRolesReplacesSiteRoles() {
        User user = createUser("hank");

        Result result = cli.run("users", "edit-roles", user.username(), "--roles", "template-admin,user-admin", "--yes");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(owner.user(user.username()).roles()).extracting(SlimRole::name)
                .containsExactlyInAnyOrder("template-admin", "user-admin");

        Result cleared = cli.run("users", "edit-roles", user.username(), "--roles", "auditor", "--yes");
        assertThat(cleared.exitCode()).isZero();
        assertThat(owner.user(user.username()).roles()).extracting(SlimRole::name).containsExactly("auditor");
    }

    @Test
    void editRolesRejectsUnknownRoles() {
        User user = createUser("ivy");

        Result result = cli.run("users", "edit-roles", user.username(), "--roles", "wizard", "--yes");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Cannot assign wizard");
    }

    @Test
    void membersCannotCreateUsers() {
        CoderClient member = coderd.createUser(owner, TestCoderd.uniqueName("member"));
        Result result = new CliRunner(config).loggedIn(coderd.url(), member.sessionToken().orElseThrow())
                .run("users", "create", "-e", "x@example.com", "-u", "x-user", "-p", TestCoderd.PASSWORD);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isNotBlank();
    }
}
