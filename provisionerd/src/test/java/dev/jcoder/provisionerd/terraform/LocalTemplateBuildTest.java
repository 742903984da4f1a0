package dev.jcoder.provisionerd.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.codersdk.provisionerd.Agent;
import dev.jcoder.codersdk.provisionerd.JobResult;
import dev.jcoder.codersdk.provisionerd.Resource;
import dev.jcoder.codersdk.provisionerd.Timing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code local} starter through start, stop, start and delete builds with the real terraform. */
class LocalTemplateBuildTest {
    @TempDir
    static Path cache;

    static TerraformProvisioner provisioner;

    @BeforeAll
    static void start() {
        provisioner = TestProvisioners.start(TestProvisioners.offlineConfig(cache));
    }

    @AfterAll
    static void stop() {
        provisioner.close();
    }

    @Test
    void startStopStartDeleteKeepsTheHomeUntilDeleteAndStopsTheAgent(@TempDir Path jobs, @TempDir Path workspaces)
            throws Exception {
        Path template = TestProvisioners.examples().resolve("local");
        List<VariableValue> variables = List.of(new VariableValue("workspaces_directory", workspaces.toString()));

        JobResult.WorkspaceBuild started = build(template, jobs, WorkspaceTransition.START, new byte[0], variables);
        Path home = onlyHome(workspaces);
        assertThat(home.getFileName().toString()).isEqualTo("dev-" + Jobs.WORKSPACE_ID.toString().substring(0, 8));
        assertThat(home.getParent().getFileName().toString()).isEqualTo("alice");
        Agent agent = agent(started);
        assertThat(agent.id()).isNotNull();
        assertThat(agent.authToken()).matches("[0-9a-f-]{36}");
        assertThat(agent.directory()).isEqualTo(home.toString());
        assertThat(agent.scripts()).extracting(s -> s.displayName()).containsExactly("Startup Script");
        assertThat(agent.metadata()).hasSize(2);
        assertThat(agent.environmentVariables()).containsEntry("GIT_AUTHOR_NAME", "Alice Liddell");
        assertThat(started.resources()).extracting(Resource::name).containsExactlyInAnyOrder("home", "workspace");
        assertThat(started.resources()).filteredOn(r -> r.name().equals("home")).singleElement()
                .satisfies(r -> assertThat(r.metadata()).singleElement()
                        .satisfies(m -> assertThat(m.value()).isEqualTo(home.toString())));
        // Only coder/coder and terraform_data: no terraform init; dependencies come from the state: no graph.
        assertThat(started.timings()).extracting(Timing::stage).contains("plan", "apply")
                .doesNotContain("init", "graph");
        assertThat(started.timings()).anySatisfy(timing -> {
            assertThat(timing.stage()).isEqualTo("apply");
            assertThat(timing.resource()).isEqualTo("terraform_data.workspace[0]");
            assertThat(timing.action()).isEqualTo("create");
            assertThat(timing.source()).isEqualTo("terraform");
        });
        long firstAgent = agentPid(home);
        assertThat(alive(firstAgent)).isTrue();
        // The agent's bootstrap says why it does not come up (nobody serves the agent at the access URL).
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Files.readString(
                home.resolve(".jcoder/agent.log"))).contains("failed to download the agent"));
        Files.writeString(home.resolve("notes.txt"), "keep me");

        JobResult.WorkspaceBuild stopped = build(template, jobs, WorkspaceTransition.STOP, started.state(), variables);
        assertThat(alive(firstAgent)).isFalse();
        assertThat(processGroup(firstAgent)).as("processes left of the agent's group").isEmpty();
        assertThat(home.resolve("notes.txt")).hasContent("keep me");
        assertThat(stopped.resources()).extracting(Resource::name).containsExactly("home");
        assertThat(stopped.resources().getFirst().agents()).isEmpty();
        assertThat(Files.readString(home.resolve(".jcoder/agent.log"))).contains("agent stopped");

        JobResult.WorkspaceBuild restarted = build(template, jobs, WorkspaceTransition.START, stopped.state(), variables);
        assertThat(onlyHome(workspaces)).isEqualTo(home);
        assertThat(home.resolve("notes.txt")).hasContent("keep me");
        long secondAgent = agentPid(home);
        assertThat(secondAgent).isNotEqualTo(firstAgent);
        assertThat(alive(secondAgent)).isTrue();
        assertThat(agent(restarted).authToken()).isNotEqualTo(agent.authToken());

        JobResult.WorkspaceBuild deleted = build(template, jobs, WorkspaceTransition.DELETE, restarted.state(), variables);
        assertThat(alive(secondAgent)).isFalse();
        assertThat(processGroup(secondAgent)).as("processes left of the agent's group").isEmpty();
        assertThat(home).doesNotExist();
        assertThat(deleted.resources()).isEmpty();
        JsonNode state = Json.mapper().readTree(deleted.state());
        assertThat(state.path("resources").size()).isZero();
    }

    private static JobResult.WorkspaceBuild build(Path template, Path jobs, WorkspaceTransition transition, byte[] state,
            List<VariableValue> variables) throws Exception {
        RecordingSession session = new RecordingSession();
        Path work = Jobs.workDirectory(template, jobs);
        try {
            JobResult.WorkspaceBuild result = (JobResult.WorkspaceBuild) provisioner.run(
                    Jobs.build(transition, state, List.of(), variables), work, session);
            assertThat(result.state()).isNotEmpty();
            return result;
        } catch (Exception | AssertionError e) {
            throw new AssertionError(transition + " failed; logs:\n" + session.allOutput(), e);
        } finally {
            dev.jcoder.provisionerd.Archives.deleteTree(work);
        }
    }

    private static Agent agent(JobResult.WorkspaceBuild build) {
        return build.resources().stream().flatMap(r -> r.agents().stream()).findFirst().orElseThrow();
    }

    private static Path onlyHome(Path workspaces) throws Exception {
        try (Stream<Path> owners = Files.list(workspaces)) {
            Path owner = owners.findFirst().orElseThrow();
            try (Stream<Path> homes = Files.list(owner)) {
                return homes.findFirst().orElseThrow();
            }
        }
    }

    private static long agentPid(Path home) throws Exception {
        // "<pid> <start time>": the stop checks the start time before it signals the pid.
        String[] fields = Files.readString(home.resolve(".jcoder/agent.pid")).strip().split(" ");
        assertThat(fields).hasSize(2);
        return Long.parseLong(fields[0]);
    }

    /** Processes whose process group is {@code pgid} (field 5 of /proc/<pid>/stat). */
    private static List<String> processGroup(long pgid) throws Exception {
        List<String> members = new java.util.ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(fields[2]) == pgid) {
                        members.add(process.getFileName() + " " + stat.substring(stat.indexOf('('), stat.lastIndexOf(')') + 1));
                    }
                } catch (java.io.IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        return members;
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isPresent() && handle.get().isAlive();
    }
}
