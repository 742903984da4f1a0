package dev.jcoder.codersdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkspaceShapesTest {
    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void statusFollowsCodersTable() {
        assertThat(WorkspaceStatus.of(ProvisionerJobStatus.PENDING, WorkspaceTransition.DELETE)).isEqualTo(WorkspaceStatus.PENDING);
        assertThat(WorkspaceStatus.of(ProvisionerJobStatus.RUNNING, WorkspaceTransition.START)).isEqualTo(WorkspaceStatus.STARTING);
        assertThat(WorkspaceStatus.of(ProvisionerJobStatus.RUNNING, WorkspaceTransition.STOP)).isEqualTo(WorkspaceStatus.STOPPING);
        assertThat(WorkspaceStatus.of(ProvisionerJobStatus.RUNNING, WorkspaceTransition.DELETE)).isEqualTo(WorkspaceStatus.DELETING);
        assertThat(WorkspaceStatus.of(ProvisionerJobStatus.SUCCEEDED, WorkspaceTransition.START)).isEqualTo(WorkspaceStatus.RUNNING);
        assertThat(WorkspaceStatus.of(ProvisionerJobStatus.SUCCEEDED, WorkspaceTransition.STOP)).isEqualTo(WorkspaceStatus.STOPPED);
        assertThat(WorkspaceStatus.of(ProvisionerJobStatus.SUCCEEDED, WorkspaceTransition.DELETE)).isEqualTo(WorkspaceStatus.DELETED);
        for (WorkspaceTransition transition : WorkspaceTransition.values()) {
            assertThat(WorkspaceStatus.of(ProvisionerJobStatus.CANCELING, transition)).isEqualTo(WorkspaceStatus.CANCELING);
            assertThat(WorkspaceStatus.of(ProvisionerJobStatus.CANCELED, transition)).isEqualTo(WorkspaceStatus.CANCELED);
            assertThat(WorkspaceStatus.of(ProvisionerJobStatus.FAILED, transition)).isEqualTo(WorkspaceStatus.FAILED);
        }
    }

    @Test
    void workspaceOmitsUnsetScheduleButKeepsNullTimes() throws Exception {
        ProvisionerJob job = new ProvisionerJob(UUID.randomUUID(), T, null, null, null, "", "", ProvisionerJobStatus.PENDING,
                null, UUID.randomUUID(), Map.of(), 1, 1, UUID.randomUUID(), ProvisionerJobType.WORKSPACE_BUILD, null, null);
        WorkspaceBuild build = new WorkspaceBuild(UUID.randomUUID(), T, T, UUID.randomUUID(), "dev", UUID.randomUUID(),
                "ada", "", UUID.randomUUID(), "v1", 1, WorkspaceTransition.START, UUID.randomUUID(), "ada", job,
                BuildReason.INITIATOR, List.of(), null, null, WorkspaceStatus.PENDING, 0, null);
        Workspace workspace = new Workspace(UUID.randomUUID(), T, T, UUID.randomUUID(), "ada", "", UUID.randomUUID(),
                "coder", UUID.randomUUID(), "docker", "", "", true, UUID.randomUUID(), false, false, build, false, "dev",
                null, null, T, null, null, new WorkspaceHealth(true, List.of()), AutomaticUpdates.NEVER, false, false,
                null, false);
        String json = Json.mapper().writeValueAsString(workspace);
        assertThat(json).doesNotContain("autostart_schedule", "ttl_ms")
                .contains("\"deleting_at\":null", "\"dormant_at\":null", "\"next_start_at\":null",
                        "\"automatic_updates\":\"never\"", "\"health\":{\"healthy\":true,\"failing_agents\":[]}",
                        "\"deadline\":null", "\"reason\":\"initiator\"", "\"build_number\":1", "\"initiator_name\":\"ada\"",
                        "\"template_allow_user_cancel_workspace_jobs\":true");
        assertThat(Json.mapper().readValue(json, Workspace.class)).isEqualTo(workspace);
    }

    @Test
    void buildRequestOmitsWhatIsNotSet() throws Exception {
        assertThat(Json.mapper().writeValueAsString(CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP)))
                .isEqualTo("{\"transition\":\"stop\"}");
        assertThat(Json.mapper().writeValueAsString(CreateWorkspaceBuildRequest.of(WorkspaceTransition.DELETE)
                .withOrphan(true).withParameters(List.of(new WorkspaceBuildParameter("region", "eu")))))
                .isEqualTo("{\"transition\":\"delete\",\"orphan\":true,\"rich_parameter_values\":[{\"name\":\"region\",\"value\":\"eu\"}]}");
        assertThat(Json.mapper().writeValueAsString(new UpdateWorkspaceTTLRequest(null))).isEqualTo("{\"ttl_ms\":null}");
    }

    @Test
    void agentScriptTimeoutIsNanoseconds() throws Exception {
        var script = new WorkspaceAgentScript(UUID.randomUUID(), UUID.randomUUID(), "", "echo", "", true, false, false,
                Duration.ofSeconds(5).toNanos(), "Startup Script");
        assertThat(Json.mapper().writeValueAsString(script)).contains("\"timeout\":5000000000");
    }

    @Test
    void eventStreamHandsOutDataEventsAndEndsOnError() throws Exception {
        String frames = "event: ping\n\n"
                + "event: data\ndata: {\"message\":\"one\"}\n\n"
                + "event: data\ndata: {\"message\":\"two\"}\n\n"
                + "event: error\ndata: {\"message\":\"Workspace deleted.\"}\n\n"
                + "event: data\ndata: {\"message\":\"never\"}\n\n";
        try (var stream = new EventStream<>(new BufferedReader(new StringReader(frames)), () -> {},
                data -> Json.mapper().convertValue(parse(data), Response.class))) {
            assertThat(stream.next()).contains(Response.of("one"));
            assertThat(stream.next(Duration.ofSeconds(5))).contains(Response.of("two"));
            assertThat(stream.next()).isEmpty();
            assertThat(stream.ended()).isTrue();
            assertThat(stream.failure()).contains(Response.of("Workspace deleted."));
            assertThat(stream.next()).isEmpty();
        }
    }

    private static Object parse(String data) {
        try {
            return Json.mapper().readTree(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
