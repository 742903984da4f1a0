package dev.jcoder.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.cli.CliRunner;
import dev.jcoder.cli.CliRunner.Result;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTokenRequest;
import dev.jcoder.codersdk.ApiKeyScope;
import dev.jcoder.codersdk.User;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginCommandTest {
    private static final String PASSWORD = TestCoderd.PASSWORD;

    /** A deployment that already has its owner ({@code owner@example.com}). */
    private static TestCoderd existing;
    private static CoderClient owner;

    @TempDir
    Path config;

    @BeforeAll
    static void startServer() {
        existing = TestCoderd.start();
        owner = existing.createFirstUser();
    }

    @AfterAll
    static void stopServer() {
        existing.close();
    }

    @Test
    void firstUserWithFlagsCreatesTheOwnerAndSavesTheSession() {
        try (TestCoderd fresh = TestCoderd.start()) {
            CliRunner cli = new CliRunner(config);
            Result result = cli.run("login", fresh.url().toString(),
                    "--first-user-username", "admin", "--first-user-email", "admin@example.com",
                    "--first-user-password", PASSWORD, "--first-user-full-name", "Ada Admin", "--first-user-trial=false");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("Your Coder deployment hasn't been set up!")
                    .contains("Welcome to Coder, admin! You're authenticated.");
            assertThat(cli.config().url()).contains(fresh.url());
            User me = fresh.anonymous().withToken(cli.config().sessionToken().orElseThrow()).user("me");
            assertThat(me.username()).isEqualTo("admin");
            assertThat(me.name()).isEqualTo("Ada Admin");
            assertThat(me.roles()).extracting("name").contains("owner");

            Result whoami = cli.run("whoami");
            assertThat(whoami.out()).contains("You're authenticated as admin !");
        }
    }

    @Test
    void firstUserFromAnswersOnStandardInput() {
        try (TestCoderd fresh = TestCoderd.start()) {
            CliRunner cli = new CliRunner(config);
            String answers = String.join("\n", "alice", "not-an-email", "alice@example.com", PASSWORD, "typo", PASSWORD, PASSWORD,
                    "Alice Liddell") + "\n";
            Result result = cli.runWithInput(answers, "login", fresh.url().toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("That's not a valid email address!").contains("Passwords do not match")
                    .contains("Welcome to Coder, alice! You're authenticated.");
            User me = fresh.anonymous().withToken(cli.config().sessionToken().orElseThrow()).user("me");
            assertThat(me.email()).isEqualTo("alice@example.com");
            assertThat(me.name()).isEqualTo("Alice Liddell");
        }
    }

    @Test
    void firstUserWithWeakPasswordFails() {
        try (TestCoderd fresh = TestCoderd.start()) {
            Result result = new CliRunner(config).run("login", fresh.url().toString(),
                    "--first-user-username", "admin", "--first-user-email", "admin@example.com",
                    "--first-user-password", "short", "--first-user-trial=false");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).containsIgnoringCase("password");
            assertThat(new CliRunner(config).config().sessionToken()).isEmpty();
        }
    }

    @Test
    void passwordLoginFromStandardInput() {
        CliRunner cli = new CliRunner(config);
        Result result = cli.runWithInput("owner@example.com\n" + PASSWORD + "\n", "login", existing.url().toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains(existing.url() + "/cli-auth").contains("Welcome to Coder, owner! You're authenticated.");
        assertThat(existing.anonymous().withToken(cli.config().sessionToken().orElseThrow()).user("me").username())
                .isEqualTo("owner");
    }

    @Test
    void passwordLoginWithFlags() {
        CliRunner cli = new CliRunner(config);
        Result result = cli.run("login", existing.url().toString(), "--email", "owner@example.com", "--password", PASSWORD);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Welcome to Coder, owner!");
    }

    @Test
    void wrongPasswordIsRefused() {
        CliRunner cli = new CliRunner(config);
        Result result = cli.runWithInput("owner@example.com\nwrong-password\n", "login", existing.url().toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Incorrect email or password.");
        assertThat(cli.config().sessionToken()).isEmpty();
    }

    @Test
    void tokenFlagSavesANewSessionKey() {
        String token = owner.createToken("me", new CreateTokenRequest(0, ApiKeyScope.ALL, "login-test")).key();
        CliRunner cli = new CliRunner(config);
        Result result = cli.run("login", existing.url().toString(), "--token", token);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Welcome to Coder, owner! You're authenticated.");
        String saved = cli.config().sessionToken().orElseThrow();
        assertThat(saved).isNotEqualTo(token);
        assertThat(existing.anonymous().withToken(saved).user("me").username()).isEqualTo("owner");
    }

    @Test
    void useTokenAsSessionSavesTheTokenItself() {
        String token = owner.createToken("me", new CreateTokenRequest(0, ApiKeyScope.ALL, "login-as-session")).key();
        CliRunner cli = new CliRunner(config);
        Result result = cli.run("login", existing.url().toString(), "--token", token, "--use-token-as-session");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(cli.config().sessionToken()).contains(token);
    }

    @Test
    void pastedTokenIsValidatedAndSaved() {
        String token = owner.createToken("me", new CreateTokenRequest(0, ApiKeyScope.ALL, "pasted")).key();
        CliRunner cli = new CliRunner(config);
        Result result = cli.runWithInput(token + "\n", "login", existing.url().toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Paste your token here");
        assertThat(cli.config().sessionToken()).contains(token);
    }

    @Test
    void invalidPastedTokenIsRefused() {
        CliRunner cli = new CliRunner(config);
        Result result = cli.runWithInput("abcdefghij-abcdefghijabcdefghijab\n", "login", existing.url().toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("That's not a valid token!");
    }

    @Test
    void urlWithoutSchemeGetsHttp() {
        CliRunner cli = new CliRunner(config);
        String hostAndPort = existing.url().getAuthority();
        Result result = cli.run("login", hostAndPort, "--email", "owner@example.com", "--password", PASSWORD);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(cli.config().url()).contains(URI.create("http://" + hostAndPort));
    }

    @Test
    void unreachableServerIsReportedClearly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Result result = new CliRunner(config).run("login", "http://127.0.0.1:" + closedPort);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Failed to check server \"http://127.0.0.1:" + closedPort + "\"")
                .doesNotContain("Exception\n\tat");
    }

    @Test
    void logoutEndsTheSessionOnTheServerAndForgetsIt() {
        CliRunner cli = new CliRunner(config);
        cli.run("login", existing.url().toString(), "--email", "owner@example.com", "--password", PASSWORD);
        String session = cli.config().sessionToken().orElseThrow();

        Result result = cli.run("logout", "--yes");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("You are no longer logged in.");
        assertThat(cli.config().sessionToken()).isEmpty();
        assertThatThrownBy(() -> existing.anonymous().withToken(session).user("me"))
                .isInstanceOfSatisfying(CoderApiException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
        Result whoami = cli.run("whoami");
        assertThat(whoami.exitCode()).isEqualTo(1);
        assertThat(whoami.err()).contains("You are not logged in");
    }

    @Test
    void logoutAsksForConfirmation() {
        CliRunner cli = new CliRunner(config);
        cli.run("login", existing.url().toString(), "--email", "owner@example.com", "--password", PASSWORD);

        Result result = cli.runWithInput("no\n", "logout");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("Are you sure you want to log out?");
        assertThat(cli.config().sessionToken()).isPresent();
    }

    @Test
    void logoutWhenNotLoggedInFails() {
        Result result = new CliRunner(config).run("logout", "--yes");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("You are not logged in");
    }
}
