package dev.jcoder.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.cli.CliRunner;
import dev.jcoder.cli.CliRunner.Result;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhoamiCommandTest {
    private static TestCoderd coderd;
    private static CoderClient owner;

    @TempDir
    Path config;

    @BeforeAll
    static void startServer() {
        coderd = TestCoderd.start();
        owner = coderd.createFirstUser();
    }

    @AfterAll
    static void stopServer() {
        coderd.close();
    }

    @Test
    void textNamesTheDeploymentAndTheUser() {
        Result result = new CliRunner(config).loggedIn(coderd.url(), owner.sessionToken().orElseThrow()).run("whoami");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.trimmedOut())
                .isEqualTo("> Coder is running at " + coderd.url() + ", You're authenticated as owner !");
    }

    @Test
    void jsonIsAnArrayWithCodersFields() throws Exception {
        Result result = new CliRunner(config).loggedIn(coderd.url(), owner.sessionToken().orElseThrow()).run("whoami", "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode rows = Json.mapper().readTree(result.out());
        assertThat(rows.isArray()).isTrue();
        JsonNode row = rows.get(0);
        assertThat(row.get("url").asText()).isEqualTo(coderd.url().toString());
        assertThat(row.get("username").asText()).isEqualTo("owner");
        assertThat(row.get("user_id").asText()).isEqualTo(owner.user("me").id().toString());
        assertThat(row.get("organization_ids").size()).isEqualTo(1);
        assertThat(row.get("roles").get("*").toString()).contains("Owner");
        assertThat(result.out()).startsWith("[\n  {\n    \"url\": ");
    }

    @Test
    void tableShowsUrlUsernameAndId() {
        Result result = new CliRunner(config).loggedIn(coderd.url(), owner.sessionToken().orElseThrow()).run("whoami", "-o", "table");

        assertThat(result.out().lines().toList().getFirst()).matches("URL\\s+USERNAME\\s+ID");
        assertThat(result.out()).contains("owner");
    }

    @Test
    void tokenAndUrlFlagsWorkWithoutASavedSession() {
        Result result = new CliRunner(config).run("whoami", "--url", coderd.url().toString(),
                "--token", owner.sessionToken().orElseThrow());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("You're authenticated as owner !");
    }

    @Test
    void notLoggedInExitsWithOne() {
        Result result = new CliRunner(config).run("whoami");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("You are not logged in. Try logging in using 'coder login <url>'.");
    }

    @Test
    void unknownOutputFormatIsRejected() {
        Result result = new CliRunner(config).loggedIn(coderd.url(), owner.sessionToken().orElseThrow()).run("whoami", "-o", "yaml");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Unknown output format \"yaml\": use text or json or table.");
    }

    @Test
    void versionShowsClientAndServer() throws Exception {
        CliRunner cli = new CliRunner(config).loggedIn(coderd.url(), owner.sessionToken().orElseThrow());
        Result text = cli.run("version");
        Result json = cli.run("version", "-o", "json");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).startsWith("Coder v").contains("Server v").contains(coderd.url().toString());
        JsonNode info = Json.mapper().readTree(json.out());
        assertThat(info.get("version").asText()).startsWith("v");
        assertThat(info.get("server").get("version").asText()).startsWith("v");
    }
}
