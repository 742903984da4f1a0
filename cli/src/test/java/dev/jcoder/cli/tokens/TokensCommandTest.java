package dev.jcoder.cli.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.cli.CliRunner;
import dev.jcoder.cli.CliRunner.Result;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.ApiKey;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensCommandTest {
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

    private String create(String name, String... flags) {
        List<String> args = new java.util.ArrayList<>(List.of("tokens", "create", "--name", name));
        args.addAll(List.of(flags));
        Result result = cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.trimmedOut();
    }

    @Test
    void createPrintsOnlyAWorkingToken() {
        String name = TestCoderd.uniqueName("ci");
        String token = create(name, "--lifetime", "30d");

        assertThat(token).matches("[a-zA-Z0-9]{10}-[a-zA-Z0-9]{22}");
        assertThat(coderd.anonymous().withToken(token).user("me").username()).isEqualTo("owner");
        ApiKey key = owner.tokenByName("me", name);
        assertThat(Duration.between(key.createdAt(), key.expiresAt())).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void createAsJson() throws Exception {
        Result result = cli.run("tokens", "create", "--name", TestCoderd.uniqueName("json"), "-o", "json");

        assertThat(Json.mapper().readTree(result.out()).get("key").asText()).contains("-");
    }

    @Test
    void lifetimeLongerThanTheMaximumIsRefused() {
        Result result = cli.run("tokens", "create", "--name", TestCoderd.uniqueName("long"), "--lifetime", "200y");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("lifetime must be less than");
    }

    @Test
    void invalidLifetimeIsRefused() {
        Result result = cli.run("tokens", "create", "--lifetime", "soon");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Invalid lifetime \"soon\"");
    }

    @Test
    void listShowsTokensAsTableAndJson() throws Exception {
        String name = TestCoderd.uniqueName("listed");
        String token = create(name);

        Result table = cli.run("tokens", "list");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow()).matches("ID\\s+NAME\\s+LAST USED\\s+EXPIRES AT\\s+CREATED AT");
        assertThat(table.out()).contains(token.substring(0, 10)).contains(name);

        JsonNode json = Json.mapper().readTree(cli.run("tokens", "ls", "-o", "json").out());
        assertThat(json.findValuesAsText("token_name")).contains(name);
    }

    @Test
    void listAllAddsTheOwnerColumn() {
        create(TestCoderd.uniqueName("all"));
        Result result = cli.run("tokens", "list", "--all");

        assertThat(result.out().lines().findFirst().orElseThrow()).endsWith("OWNER");
        assertThat(result.out()).contains("owner");
    }

    @Test
    void removeByName() {
        String name = TestCoderd.uniqueName("byname");
        String token = create(name);

        Result result = cli.run("tokens", "remove", name);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Token has been deleted.");
        assertThatThrownBy(() -> coderd.anonymous().withToken(token).user("me"))
                .isInstanceOfSatisfying(CoderApiException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    }

    @Test
    void removeByIdAndByToken() {
        String first = create(TestCoderd.uniqueName("byid"));
        String second = create(TestCoderd.uniqueName("bytoken"));

        assertThat(cli.run("tokens", "rm", first.substring(0, 10)).exitCode()).isZero();
        assertThat(cli.run("tokens", "delete", second).exitCode()).isZero();

        assertThat(owner.tokens("me", false)).extracting(ApiKey::id)
                .doesNotContain(first.substring(0, 10), second.substring(0, 10));
    }

    @Test
    void removeUnknownTokenFails() {
        Result result = cli.run("tokens", "remove", "no-such-token");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("404");
    }
}
