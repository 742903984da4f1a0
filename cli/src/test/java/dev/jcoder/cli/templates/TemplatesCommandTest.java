package dev.jcoder.cli.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.cli.CliRunner;
import dev.jcoder.cli.CliRunner.Result;
import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.Template;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesCommandTest {
    private static TestCoderd coderd;
    private static CoderClient owner;
    private static ProvisionerDaemons daemons;

    @TempDir
    Path temp;

    private CliRunner cli;

    @BeforeAll
    static void startServer() {
        coderd = TestCoderd.start();
        owner = coderd.createFirstUser();
        daemons = EchoTemplates.startDaemons(coderd, owner, 2);
    }

    @AfterAll
    static void stopServer() {
        daemons.close();
        coderd.close();
    }

    @BeforeEach
    void logIn() {
        cli = new CliRunner(temp.resolve("config")).loggedIn(coderd.url(), owner.sessionToken().orElseThrow());
    }

    private Path templateDirectory(String name, Object echo) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.writeString(dir.resolve("echo.json"), Json.mapper().writeValueAsString(echo));
        Files.writeString(dir.resolve("main.tf"), "resource \"null_resource\" \"x\" {}\n");
        Files.writeString(dir.resolve("README.md"), "# " + name);
        Files.createDirectories(dir.resolve(".terraform/providers"));
        Files.writeString(dir.resolve(".terraform/providers/big.bin"), "not uploaded");
        Files.writeString(dir.resolve(".gitignore"), "*.log\nbuild/\n");
        Files.writeString(dir.resolve("debug.log"), "ignored");
        Files.createDirectories(dir.resolve("build"));
        Files.writeString(dir.resolve("build/out.txt"), "ignored");
        Files.createDirectories(dir.resolve("modules/app"));
        Files.writeString(dir.resolve("modules/app/main.tf"), "# module");
        return dir;
    }

    private Result push(CliRunner runner, String name, Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("templates", "push", name, "--directory", dir.toString(),
                "--test.provisioner", "echo", "--yes"));
        args.addAll(List.of(extra));
        return runner.run(args.toArray(String[]::new));
    }

    @Test
    void pushCreatesThenUpdatesATemplateAndPullReturnsTheSource() throws IOException {
        Path dir = templateDirectory("hello", Map.of("logs", List.of(Map.of("stage", "Planning", "output", "planned it"))));
        Result first = push(cli, "hello", dir, "--message", "first");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("planned it").contains("Template \"hello\" has been created");

        Result second = push(cli, "hello", dir, "--name", "v2");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("Updated version");
        Template template = owner.templateByName("default", "hello");
        assertThat(owner.templateVersion(template.activeVersionId()).name()).isEqualTo("v2");

        Result list = cli.run("templates", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("hello");
        Result versions = cli.run("templates", "versions", "list", "hello");
        assertThat(versions.exitCode()).as(versions.toString()).isZero();
        assertThat(versions.out()).contains("v2").contains("Active").contains("succeeded");

        Path pulled = temp.resolve("pulled");
        Result pull = cli.run("templates", "pull", "hello", pulled.toString());
        assertThat(pull.exitCode()).as(pull.toString()).isZero();
        assertThat(pulled.resolve("main.tf")).hasSameTextualContentAs(dir.resolve("main.tf"));
        assertThat(pulled.resolve("modules/app/main.tf")).exists();
        assertThat(pulled.resolve(".terraform")).doesNotExist();
        assertThat(pulled.resolve("debug.log")).doesNotExist();
        assertThat(pulled.resolve("build")).doesNotExist();
    }

    @Test
    void failedImportExitsNonZeroWithTheJobError() throws IOException {
        Path dir = templateDirectory("broken", Map.of("error", "terraform exploded"));
        Result result = push(cli, "broken", dir);
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("terraform exploded");
    }

    @Test
    void requiredVariablesAreNamedAndCanBeGiven() throws IOException {
        Path dir = templateDirectory("vars", Map.of("variables", List.of(
                Map.of("name", "token", "type", "string", "required", true, "sensitive", true))));
        Result missing = push(cli, "vars", dir);
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("token");
        Path file = temp.resolve("vars.yaml");
        Files.writeString(file, "token: \"s3cret\"\n");
        Result given = push(cli, "vars", dir, "--variables-file", file.toString());
        assertThat(given.exitCode()).as(given.toString()).isZero();
        Result byFlag = push(cli, "vars", dir, "--var", "token=other");
        assertThat(byFlag.exitCode()).as(byFlag.toString()).isZero();
    }

    @Test
    void memberCannotPush() throws IOException {
        CoderClient member = coderd.createUser(owner, TestCoderd.uniqueName("pusher"));
        CliRunner memberCli = new CliRunner(temp.resolve("member-config"))
                .loggedIn(coderd.url(), member.sessionToken().orElseThrow());
        Result result = push(memberCli, "forbidden", templateDirectory("forbidden", Map.of()));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).containsIgnoringCase("permission");
    }

    @Test
    void editChangesSettingsAndDeleteRemovesTheTemplate() throws IOException {
        assertThat(push(cli, "editable", templateDirectory("editable", Map.of())).exitCode()).isZero();
        Result edit = cli.run("templates", "edit", "editable", "--default-ttl", "2h", "--activity-bump", "30m",
                "--display-name", "Editable", "--allow-user-cancel-workspace-jobs", "false");
        assertThat(edit.exitCode()).as(edit.toString()).isZero();
        Template template = owner.templateByName("default", "editable");
        assertThat(template.defaultTtlMs()).isEqualTo(7_200_000L);
        assertThat(template.activityBumpMs()).isEqualTo(1_800_000L);
        assertThat(template.displayName()).isEqualTo("Editable");
        assertThat(template.allowUserCancelWorkspaceJobs()).isFalse();

        Result delete = cli.run("templates", "delete", "editable", "--yes");
        assertThat(delete.exitCode()).as(delete.toString()).isZero();
        assertThat(owner.templates("default")).extracting(Template::name).doesNotContain("editable");
    }

    @Test
    void initExplainsWhenNoStartersAreBundled() {
        Result result = cli.run("templates", "init");
        if (result.exitCode() != 0) {
            assertThat(result.err()).contains("coder templates push");
        } else {
            assertThat(result.out()).contains("--id");
        }
    }
}
