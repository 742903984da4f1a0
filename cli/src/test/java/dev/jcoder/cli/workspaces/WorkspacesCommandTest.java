package dev.jcoder.cli.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.cli.CliRunner;
import dev.jcoder.cli.CliRunner.Result;
import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTemplateRequest;
import dev.jcoder.codersdk.CreateTemplateVersionRequest;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.agentsdk.AgentClient;
import dev.jcoder.codersdk.agentsdk.Log;
import dev.jcoder.codersdk.agentsdk.PatchLogs;
import dev.jcoder.codersdk.agentsdk.PostLogSourceRequest;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuildParameter;
import dev.jcoder.codersdk.WorkspaceStatus;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace commands against an in-process server with echo provisioner daemons. */
class WorkspacesCommandTest {
    private static TestCoderd coderd;
    private static CoderClient owner;
    private static ProvisionerDaemons daemons;

    @TempDir
    Path temp;

    private CliRunner cli;

    @BeforeAll
    static void startServer() {
        coderd = TestCoderd.start(config -> config.withAllowWorkspaceRenames(true));
        owner = coderd.createFirstUser();
        daemons = EchoTemplates.startDaemons(coderd, owner, 2);
        template("params", Map.of(
                "parameters", List.of(
                        parameter("region", "string", "eu", true, false, List.of("eu", "us")),
                        number("cpu", "2", 1, 8),
                        parameter("project", "string", "", true, true, List.of())),
                "build", Map.of("logs", List.of(Map.of("stage", "Applying", "output", "built it")))));
        template("plain", Map.of("build", Map.of("logs", List.of(Map.of("stage", "Applying", "output", "plain build")))));
        template("broken", Map.of("build", Map.of("error", "terraform apply exploded")));
        template("optional", Map.of("parameters", List.of(
                parameter("size", "string", "s", true, false, List.of()),
                ephemeral("debug", "off"))));
        template("sized", Map.of(
                "parameters", List.of(number("cpu", "2", 1, 8), parameter("region", "string", "eu", true, false, List.of())),
                "presets", List.of(Map.of("name", "big", "parameters", Map.of("cpu", "8"), "is_default", false))));
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

    // ---- template helpers -----------------------------------------------------------------

    private static Map<String, Object> parameter(String name, String type, String defaultValue, boolean mutable,
            boolean required, List<String> options) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", name);
        parameter.put("description", "The " + name + ".");
        parameter.put("type", type);
        parameter.put("mutable", mutable);
        parameter.put("default_value", defaultValue);
        parameter.put("required", required);
        parameter.put("options", options.stream().map(value -> Map.of("name", value.toUpperCase(java.util.Locale.ROOT),
                "description", "", "value", value, "icon", "")).toList());
        return parameter;
    }

    private static Map<String, Object> ephemeral(String name, String defaultValue) {
        Map<String, Object> parameter = parameter(name, "string", defaultValue, true, false, List.of());
        parameter.put("ephemeral", true);
        return parameter;
    }

    private static Map<String, Object> number(String name, String defaultValue, int min, int max) {
        Map<String, Object> parameter = parameter(name, "number", defaultValue, true, false, List.of());
        parameter.put("validation_min", min);
        parameter.put("validation_max", max);
        return parameter;
    }

    private static TemplateVersion version(Object echo) {
        return EchoTemplates.awaitCompleted(owner, EchoTemplates.createVersion(owner, EchoTemplates.echo(echo)).id());
    }

    /** A new version of {@code template} (not yet active). */
    private static TemplateVersion version(Template template, Object echo) {
        UUID file = EchoTemplates.upload(owner, EchoTemplates.echo(echo));
        return EchoTemplates.awaitCompleted(owner, EchoTemplates.createVersion(owner,
                CreateTemplateVersionRequest.ofFile(file, ProvisionerType.ECHO).withTemplate(template.id())).id());
    }

    private static Template template(String name, Object echo) {
        return owner.createTemplate("default", CreateTemplateRequest.of(name, version(echo).id()));
    }

    private Result create(String name, String template, String... extra) {
        List<String> args = new ArrayList<>(List.of("create", name, "-t", template, "--yes"));
        args.addAll(List.of(extra));
        return cli.run(args.toArray(String[]::new));
    }

    private static Workspace workspace(String name) {
        return owner.workspaceByOwnerAndName("me", name, false);
    }

    private static Map<String, String> parameters(Workspace workspace) {
        Map<String, String> values = new LinkedHashMap<>();
        for (WorkspaceBuildParameter value : owner.workspaceBuildParameters(workspace.latestBuild().id())) {
            values.put(value.name(), value.value());
        }
        return values;
    }

    private static void assertSucceeded(Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    // ---- create ---------------------------------------------------------------------------

    @Test
    void createWithAParameterFileAndScheduleStreamsTheBuild() throws IOException {
        Path file = Files.writeString(temp.resolve("params.yaml"), "region: us\ncpu: 4\nproject: jcoder\n");
        Result result = create("from-file", "params", "--rich-parameter-file", file.toString(),
                "--start-at", "9:30AM Mon-Fri Europe/Berlin", "--stop-after", "8h");
        assertSucceeded(result);
        assertThat(result.out()).contains("==> Applying", "built it", "The from-file workspace has been created at");
        Workspace workspace = workspace("from-file");
        assertThat(workspace.status()).isEqualTo(WorkspaceStatus.RUNNING);
        assertThat(workspace.autostartSchedule()).isEqualTo("CRON_TZ=Europe/Berlin 30 9 * * 1-5");
        assertThat(workspace.ttlMs()).isEqualTo(8 * 3_600_000L);
        assertThat(parameters(workspace)).containsEntry("region", "us").containsEntry("cpu", "4").containsEntry("project", "jcoder");
    }

    @Test
    void createAsksForNameParametersAndConfirmation() {
        // name, region by number, cpu: first too big then the default, project typed, then the confirmation.
        Result result = cli.runWithInput("prompted\n2\n64\n\njcoder\nyes\n", "create", "-t", "params");
        assertSucceeded(result);
        assertThat(result.out()).contains("Specify a name for your workspace:", "1. EU", "2. US",
                "Invalid value for cpu: value 64 is more than the maximum 8.", "Confirm create?");
        assertThat(parameters(workspace("prompted"))).containsEntry("region", "us").containsEntry("cpu", "2")
                .containsEntry("project", "jcoder");
    }

    @Test
    void withoutAnswersAMissingParameterIsNamedAndNothingIsCreated() {
        Result result = create("unanswered", "params");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Parameter \"project\" needs a value", "--parameter project=<value>");
        assertThat(owner.workspaces("owner:me name:unanswered", 0, 0).workspaces()).isEmpty();
    }

    @Test
    void declinedConfirmationCreatesNothing() {
        Result result = cli.runWithInput("no\n", "create", "declined", "-t", "plain");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Canceled.");
        assertThat(owner.workspaces("owner:me name:declined", 0, 0).workspaces()).isEmpty();
    }

    @Test
    void aFailedBuildExitsNonZeroWithTheJobError() {
        Result result = create("doomed", "broken");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("terraform apply exploded");
        assertThat(workspace("doomed").status()).isEqualTo(WorkspaceStatus.FAILED);
    }

    @Test
    void badCreateInputIsExplained() {
        Result unknownTemplate = create("lost", "no-such-template");
        assertThat(unknownTemplate.exitCode()).isEqualTo(1);
        assertThat(unknownTemplate.err()).contains("Template \"no-such-template\" does not exist");
        Result badSchedule = create("late", "plain", "--start-at", "25:00 Mon-Fri");
        assertThat(badSchedule.exitCode()).isEqualTo(1);
        assertThat(badSchedule.err()).contains("Start time \"25:00\" must be in the format hh:mm[am|pm] or HH:MM.");
        Result badLocation = create("late", "plain", "--start-at", "9:30AM Mon-Fri Mars/Olympus");
        assertThat(badLocation.err()).contains("Invalid location \"Mars/Olympus\"");
        Result badDuration = create("late", "plain", "--stop-after", "eight hours");
        assertThat(badDuration.exitCode()).isEqualTo(1);
        assertThat(badDuration.err()).contains("Invalid --stop-after \"eight hours\"");
        Result badParameter = create("late", "params", "--parameter", "project=x", "--parameter", "cpu=100");
        assertThat(badParameter.err()).contains("Invalid value for parameter \"cpu\": value 100 is more than the maximum 8.");
        Result unknownParameter = create("late", "params", "--parameter", "projekt=x");
        assertThat(unknownParameter.err()).contains("Parameter \"projekt\" is not present in the template. Did you mean: project?");
        assertThat(owner.workspaces("owner:me name:late", 0, 0).workspaces()).isEmpty();
        Result badName = create("Not_A-Valid_Name!", "plain");
        assertThat(badName.exitCode()).isEqualTo(1);
        assertThat(badName.err()).contains("name: Validation failed for tag \"workspace_name\"");
        Result shortTtl = create("short-lived", "plain", "--stop-after", "30s");
        assertThat(shortTtl.exitCode()).isEqualTo(1);
        assertThat(shortTtl.err()).contains("time until shutdown must be at least one minute");
        assertSucceeded(create("taken", "plain"));
        assertThat(create("taken", "plain").err()).contains("A workspace already exists named \"taken\"!");
    }

    @Test
    void presetsCopiedParametersAndOtherOwners() {
        Result preset = create("big-one", "sized", "--preset", "big", "--parameter", "region=us");
        assertSucceeded(preset);
        assertThat(preset.out()).contains("Using preset \"big\".");
        Workspace big = workspace("big-one");
        assertThat(parameters(big)).containsEntry("cpu", "8").containsEntry("region", "us");
        assertThat(big.latestBuild().templateVersionPresetId()).isNotNull();
        Result unknownPreset = create("no-preset", "sized", "--preset", "huge");
        assertThat(unknownPreset.exitCode()).isEqualTo(1);
        assertThat(unknownPreset.err()).contains("Preset \"huge\" not found", "Available presets: big.");

        Result copy = cli.run("create", "copied", "--copy-parameters-from", "big-one", "--yes");
        assertSucceeded(copy);
        Workspace copied = workspace("copied");
        assertThat(copied.templateName()).isEqualTo("sized");
        assertThat(parameters(copied)).containsEntry("cpu", "8").containsEntry("region", "us");

        String member = TestCoderd.uniqueName("member");
        coderd.createUser(owner, member);
        Result forMember = create(member + "/theirs", "plain");
        assertSucceeded(forMember);
        assertThat(owner.workspaceByOwnerAndName(member, "theirs", false).ownerName()).isEqualTo(member);
        assertThat(cli.run("list").out()).doesNotContain(member + "/theirs");
        assertThat(cli.run("list", "-a").out()).contains(member + "/theirs");
        assertThat(cli.run("list", "--search", "owner:" + member).out()).contains(member + "/theirs");
        assertSucceeded(cli.run("stop", member + "/theirs", "--yes"));
    }

    @Test
    void noWaitReturnsWhileTheBuildRuns() {
        Result result = create("background", "plain", "--no-wait");
        assertSucceeded(result);
        assertThat(result.out()).contains("is building in the background").doesNotContain("plain build");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> workspace("background").status() == WorkspaceStatus.RUNNING);
    }

    @Test
    void renameAsksForTheCurrentName() {
        assertSucceeded(create("old-name", "plain"));
        Result wrong = cli.runWithInput("new-name\n", "rename", "old-name", "new-name");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("does not match the workspace name \"old-name\"");
        Result rename = cli.runWithInput("old-name\n", "rename", "old-name", "new-name");
        assertSucceeded(rename);
        assertThat(rename.out()).contains("WARNING:", "Workspace \"old-name\" renamed to \"new-name\"");
        assertThat(workspace("new-name").name()).isEqualTo("new-name");
    }

    @Test
    void interruptingTheCliCancelsTheBuildItFollows() throws Exception {
        template("endless", Map.of("build", Map.of("wait_for_cancel", true,
                "logs", List.of(Map.of("stage", "Applying", "output", "still applying")))));
        // A separate JVM, so that its shutdown hook runs when it is terminated as Ctrl-C would.
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(javaBinary, "-cp", System.getProperty("java.class.path"), "dev.jcoder.cli.Main",
                "create", "interrupted", "-t", "endless", "--yes", "--url", coderd.url().toString(),
                "--token", owner.sessionToken().orElseThrow(), "--global-config", temp.resolve("subprocess").toString())
                .redirectErrorStream(true).start();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && !line.contains("still applying")) {
                // Skip to the build's log line: the build is running then.
            }
            assertThat(line).as("the build's log line").isNotNull();
            process.destroy();
            assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> workspace("interrupted").status() == WorkspaceStatus.CANCELED);
    }

    // ---- list and show --------------------------------------------------------------------

    @Test
    void listSearchesAndPrintsTablesOrJson() throws IOException {
        assertSucceeded(create("listed-running", "plain"));
        assertSucceeded(create("listed-stopped", "plain"));
        assertSucceeded(cli.run("stop", "listed-stopped", "--yes"));

        Result table = cli.run("list");
        assertSucceeded(table);
        assertThat(table.out().lines().findFirst().orElseThrow()).startsWith("WORKSPACE").contains("TEMPLATE", "STATUS",
                "HEALTHY", "LAST BUILT", "CURRENT VERSION", "OUTDATED", "STARTS AT", "STOPS AFTER");
        assertThat(table.out()).contains("owner/listed-running").contains("Started").contains("Stopped");

        Result running = cli.run("list", "--search", "owner:me status:running name:listed");
        assertSucceeded(running);
        assertThat(running.out()).contains("listed-running").doesNotContain("listed-stopped");

        Result json = cli.run("ls", "--search", "name:listed", "-o", "json");
        assertSucceeded(json);
        JsonNode array = Json.mapper().readTree(json.out());
        assertThat(array.isArray()).isTrue();
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("listed-running", "listed-stopped");
        assertThat(array.get(0).has("latest_build")).isTrue();

        Result columns = cli.run("list", "--search", "name:listed-stopped", "-c", "workspace,status");
        assertSucceeded(columns);
        assertThat(columns.out().lines().toList()).hasSize(2);
        assertThat(columns.out()).contains("WORKSPACE", "STATUS", "Stopped").doesNotContain("TEMPLATE");

        Result none = cli.run("list", "--search", "name:nothing-matches-this");
        assertSucceeded(none);
        assertThat(none.err()).contains("No workspaces found! Create one:");
        assertThat(cli.run("list", "--search", "name:nothing-matches-this", "-o", "json").trimmedOut()).isEqualTo("[]");
    }

    @Test
    void showPrintsStatusTemplateAndResources() {
        assertSucceeded(create("shown", "plain"));
        Result show = cli.run("show", "shown");
        assertSucceeded(show);
        assertThat(show.out()).contains("owner/shown", "Started", "template:  plain");
        Result missing = cli.run("show", "not-there");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("Workspace \"not-there\" does not exist");
    }

    // ---- transitions ----------------------------------------------------------------------

    @Test
    void stopStartRestartAndDelete() {
        assertSucceeded(create("cycled", "params", "--parameter", "project=p1"));
        Result stop = cli.runWithInput("yes\n", "stop", "cycled");
        assertSucceeded(stop);
        assertThat(stop.out()).contains("Confirm stop workspace?", "The cycled workspace has been stopped at");
        assertThat(workspace("cycled").status()).isEqualTo(WorkspaceStatus.STOPPED);

        Result start = cli.run("start", "cycled", "--parameter", "cpu=6");
        assertSucceeded(start);
        assertThat(start.out()).contains("built it", "The cycled workspace has been started at");
        Workspace started = workspace("cycled");
        assertThat(started.status()).isEqualTo(WorkspaceStatus.RUNNING);
        assertThat(parameters(started)).containsEntry("cpu", "6").containsEntry("project", "p1");

        assertThat(cli.run("start", "cycled").out()).contains("is already running");

        Result restart = cli.run("restart", "cycled", "--yes");
        assertSucceeded(restart);
        assertThat(restart.out()).contains("The cycled workspace has been restarted at");
        assertThat(workspace("cycled").latestBuild().buildNumber()).isEqualTo(started.latestBuild().buildNumber() + 2);

        Result delete = cli.runWithInput("yes\n", "delete", "cycled");
        assertSucceeded(delete);
        assertThat(delete.out()).contains("Confirm delete workspace?", "The cycled workspace has been deleted at");
        assertThat(owner.workspaces("owner:me name:cycled", 0, 0).workspaces()).isEmpty();
        Result again = cli.run("rm", "cycled", "--yes");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("Workspace \"cycled\" does not exist");
    }

    @Test
    void deleteOrphanSkipsTheProvisioner() {
        assertSucceeded(create("orphaned", "plain"));
        Result delete = cli.run("delete", "orphaned", "--orphan", "--yes");
        assertSucceeded(delete);
        assertThat(owner.workspaces("owner:me name:orphaned", 0, 0).workspaces()).isEmpty();
    }

    @Test
    void updateMovesToTheActiveVersionAskingForNewParameters() {
        Template template = template("evolving", Map.of("parameters", List.of(parameter("size", "string", "s", true, false, List.of()))));
        assertSucceeded(create("evolved", "evolving"));
        assertThat(cli.run("update", "evolved").out()).contains("Workspace isn't outdated!");
        TemplateVersion second = version(template, Map.of("parameters", List.of(
                parameter("size", "string", "s", true, false, List.of()),
                parameter("team", "string", "", false, true, List.of()))));
        owner.updateActiveTemplateVersion(template.id(), second.id());
        assertThat(workspace("evolved").outdated()).isTrue();

        Result update = cli.runWithInput("platform\n", "update", "evolved");
        assertSucceeded(update);
        assertThat(update.out()).contains("team", "The evolved workspace has been updated at");
        Workspace updated = workspace("evolved");
        assertThat(updated.outdated()).isFalse();
        assertThat(updated.latestBuild().templateVersionId()).isEqualTo(second.id());
        assertThat(parameters(updated)).containsEntry("team", "platform").containsEntry("size", "s");
    }

    @Test
    void buildOptionsApplyToOneBuildOnly() {
        assertSucceeded(create("optioned", "optional"));
        assertSucceeded(cli.run("stop", "optioned", "-y"));
        Result refused = cli.run("start", "optioned", "--parameter", "debug=on");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("Ephemeral parameter \"debug\" can be used only with");
        assertSucceeded(cli.run("start", "optioned", "--ephemeral-parameter", "debug=on"));
        assertThat(parameters(workspace("optioned"))).containsEntry("debug", "on").containsEntry("size", "s");
        // Asked for with --prompt-ephemeral-parameters; the answer is read from standard input.
        Result prompted = cli.runWithInput("verbose\nyes\n", "restart", "optioned", "--prompt-ephemeral-parameters");
        assertSucceeded(prompted);
        assertThat(prompted.out()).contains("debug", "[build option]");
        assertThat(parameters(workspace("optioned"))).containsEntry("debug", "verbose");
    }

    @Test
    void startWithAnotherTemplateVersionAndChooseATemplateByNumber() {
        Template template = template("versioned", Map.of("build", Map.of("logs", List.of(Map.of("stage", "Applying", "output", "v1 build")))));
        TemplateVersion first = owner.templateVersion(template.activeVersionId());
        assertSucceeded(create("pinned", "versioned"));
        TemplateVersion second = version(template, Map.of("build", Map.of("logs", List.of(Map.of("stage", "Applying", "output", "v2 build")))));
        assertSucceeded(cli.run("stop", "pinned", "-y"));
        Result start = cli.run("start", "pinned", "--template-version", second.name());
        assertSucceeded(start);
        assertThat(start.out()).contains("v2 build");
        assertThat(workspace("pinned").latestBuild().templateVersionId()).isEqualTo(second.id());
        Result unknown = cli.run("start", "pinned", "--template-version", "no-such-version");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("Template \"versioned\" has no version \"no-such-version\".");
        Result byId = cli.run("create", "pinned-old", "-t", "versioned", "--template-version", first.name(), "-y");
        assertSucceeded(byId);
        assertThat(workspace("pinned-old").latestBuild().templateVersionId()).isEqualTo(first.id());

        List<String> names = owner.templates("default").stream()
                .sorted(java.util.Comparator.comparingInt(Template::activeUserCount).reversed()).map(Template::name).toList();
        int plain = names.indexOf("plain") + 1;
        Result chosen = cli.runWithInput(plain + "\nyes\n", "create", "chosen");
        assertSucceeded(chosen);
        assertThat(chosen.out()).contains("Select a template below", plain + ". plain");
        assertThat(workspace("chosen").templateName()).isEqualTo("plain");
        Result noTemplate = cli.run("create", "unchosen");
        assertThat(noTemplate.exitCode()).isEqualTo(1);
        assertThat(noTemplate.err()).contains("Missing --template");
    }

    // ---- logs -----------------------------------------------------------------------------

    @Test
    void logsShowTheBuildsProvisionerLogs() {
        assertSucceeded(create("logged", "plain"));
        Result logs = cli.run("logs", "logged");
        assertSucceeded(logs);
        assertThat(logs.out()).contains("--- Logs for workspace build #1").contains("[info] [provisioner|Applying] plain build");
        Result followed = cli.run("logs", "logged", "-f");
        assertSucceeded(followed);
        assertThat(followed.out()).contains("plain build", "--- Streaming logs ---");
        assertSucceeded(cli.run("stop", "logged", "-y"));
        Result previous = cli.run("logs", "logged", "-n", "-1");
        assertSucceeded(previous);
        assertThat(previous.out()).contains("build #1");
        Result tooFarBack = cli.run("logs", "logged", "-n", "-5");
        assertThat(tooFarBack.exitCode()).isEqualTo(1);
        assertThat(tooFarBack.err()).contains("Invalid build number offset -5");
    }

    @Test
    void logsInterleaveTheAgentsLinesWithTheBuilds() {
        String token = UUID.randomUUID().toString();
        Map<String, Object> resource = Map.of("name", "dev", "type", "null_resource",
                "agents", List.of(Map.of("name", "main", "auth_token", token)));
        template("with-agent", Map.of("resources", List.of(resource),
                "build", Map.of("resources", List.of(resource), "logs", List.of(Map.of("stage", "Applying", "output", "agent build")))));
        assertSucceeded(create("agented", "with-agent"));
        AgentClient agent = new AgentClient(coderd.url(), token);
        UUID source = UUID.randomUUID();
        agent.postLogSource(new PostLogSourceRequest(source, "Startup Script", ""));
        agent.patchLogs(new PatchLogs(source, List.of(new Log(java.time.Instant.now(), "hello from the agent", LogLevel.INFO))));

        Result logs = cli.run("logs", "agented");
        assertSucceeded(logs);
        List<String> lines = logs.out().lines().toList();
        assertThat(lines).anyMatch(line -> line.endsWith("[info] [provisioner|Applying] agent build"))
                .anyMatch(line -> line.endsWith("[info] [agent.main|Startup Script] hello from the agent"));
        assertThat(lines.indexOf(lines.stream().filter(line -> line.contains("agent build")).findFirst().orElseThrow()))
                .isLessThan(lines.indexOf(lines.stream().filter(line -> line.contains("hello from")).findFirst().orElseThrow()));
        assertThat(cli.run("show", "agented").out()).contains("null_resource.dev", "└─ main (linux, amd64)");
    }

    // ---- schedules and settings -----------------------------------------------------------

    @Test
    void scheduleCommandsSetAndShowAutostartAndAutostop() throws IOException {
        assertSucceeded(create("scheduled", "plain", "--stop-after", "1h"));
        Result start = cli.run("schedule", "start", "scheduled", "9:30AM", "Mon-Fri", "Europe/Berlin");
        assertSucceeded(start);
        assertThat(start.out()).contains("STARTS AT", "9:30AM Mon-Fri (Europe/Berlin)");
        assertThat(workspace("scheduled").autostartSchedule()).isEqualTo("CRON_TZ=Europe/Berlin 30 9 * * 1-5");

        Result stop = cli.run("schedule", "stop", "scheduled", "2h30m");
        assertSucceeded(stop);
        assertThat(stop.out()).contains("2h30m");
        assertThat(workspace("scheduled").ttlMs()).isEqualTo(150 * 60_000L);

        Result show = cli.run("schedule", "show", "scheduled", "-o", "json");
        assertSucceeded(show);
        JsonNode row = Json.mapper().readTree(show.out()).get(0);
        assertThat(row.get("workspace").asText()).isEqualTo("owner/scheduled");
        assertThat(row.get("starts_at").asText()).isEqualTo("9:30AM Mon-Fri (Europe/Berlin)");
        assertThat(row.get("starts_next").asText()).isNotEmpty();
        assertThat(row.get("stops_after").asText()).isEqualTo("2h30m");

        Result extend = cli.run("schedule", "extend", "scheduled", "90m");
        assertSucceeded(extend);
        assertThat(workspace("scheduled").latestBuild().deadline()).isNotNull();
        Result tooShort = cli.run("schedule", "extend", "scheduled", "10m");
        assertThat(tooShort.exitCode()).isEqualTo(1);
        assertThat(tooShort.err()).contains("at least 30 minutes");

        Result manual = cli.run("schedule", "start", "scheduled", "manual");
        assertSucceeded(manual);
        assertThat(workspace("scheduled").autostartSchedule()).isNull();
        assertSucceeded(cli.run("schedule", "stop", "scheduled", "manual"));
        assertThat(workspace("scheduled").ttlMs()).isNull();

        Result malformed = cli.run("schedule", "start", "scheduled", "9:30XM");
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err()).contains("Start time \"9:30XM\" must be in the format");
        Result badDuration = cli.run("schedule", "stop", "scheduled", "soon");
        assertThat(badDuration.exitCode()).isEqualTo(1);
        assertThat(badDuration.err()).contains("Invalid duration \"soon\"");
    }

    @Test
    void favoritesAndAutomaticUpdates() {
        assertSucceeded(create("liked", "plain"));
        Result favorite = cli.run("favorite", "liked");
        assertSucceeded(favorite);
        assertThat(favorite.out()).contains("Workspace \"liked\" added to favorites.");
        assertThat(workspace("liked").favorite()).isTrue();
        assertThat(cli.run("list", "--search", "name:liked").out()).contains("★ owner/liked");
        assertSucceeded(cli.run("unfavorite", "liked"));
        assertThat(workspace("liked").favorite()).isFalse();

        Result manualShutdown = cli.run("schedule", "extend", "liked", "1h");
        assertThat(manualShutdown.exitCode()).isEqualTo(1);
        assertThat(manualShutdown.err()).contains("Workspace shutdown is manual.");

        Result always = cli.run("autoupdate", "liked", "always");
        assertSucceeded(always);
        assertThat(always.out()).contains("auto-update policy to \"always\"");
        assertThat(workspace("liked").automaticUpdates()).isEqualTo(dev.jcoder.codersdk.AutomaticUpdates.ALWAYS);
        Result sometimes = cli.run("autoupdate", "liked", "sometimes");
        assertThat(sometimes.exitCode()).isEqualTo(1);
        assertThat(sometimes.err()).contains("must be one of [always never]");
    }
}
