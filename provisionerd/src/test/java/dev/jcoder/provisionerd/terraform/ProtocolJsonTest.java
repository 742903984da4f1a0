package dev.jcoder.provisionerd.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.codersdk.provisionerd.AcquiredJob;
import dev.jcoder.codersdk.provisionerd.Agent;
import dev.jcoder.codersdk.provisionerd.JobPayload;
import dev.jcoder.codersdk.provisionerd.RichParameterValue;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The protocol fields this provisioner added (previous parameter values, external auth tokens, the
 * agent's init script) travel through the SDK's JSON, and JSON without them still reads.
 */
class ProtocolJsonTest {

    @Test
    void buildPayloadRoundTripsWithPreviousValuesAndExternalAuth() throws Exception {
        AcquiredJob job = Jobs.build(WorkspaceTransition.START, "{}".getBytes(), List.of(new RichParameterValue("cpus", "4")),
                List.of());
        JobPayload.WorkspaceBuild build = (JobPayload.WorkspaceBuild) job.payload();
        JobPayload.WorkspaceBuild extended = new JobPayload.WorkspaceBuild(build.workspaceBuildId(), build.workspaceName(),
                build.richParameterValues(), build.variableValues(), build.metadata(), build.state(), build.logLevel(),
                List.of(new RichParameterValue("cpus", "2")),
                List.of(new JobPayload.ExternalAuthProvider("github", "gho_secret")));

        JobPayload read = Json.mapper().readValue(Json.mapper().writeValueAsString(extended), JobPayload.class);

        assertThat(read).isInstanceOfSatisfying(JobPayload.WorkspaceBuild.class, copy -> {
            assertThat(copy.previousParameterValues()).containsExactly(new RichParameterValue("cpus", "2"));
            assertThat(copy.externalAuthProviders()).containsExactly(new JobPayload.ExternalAuthProvider("github",
                    "gho_secret"));
            assertThat(copy.state()).isEqualTo("{}".getBytes());
            assertThat(copy.metadata()).isEqualTo(build.metadata());
        });
        String withoutNewFields = Json.mapper().writeValueAsString(build).replaceAll(
                ",\"previous_parameter_values\":\\[\\],\"external_auth_providers\":\\[\\]", "");
        assertThat(withoutNewFields).doesNotContain("previous_parameter_values");
        JobPayload.WorkspaceBuild old = (JobPayload.WorkspaceBuild) Json.mapper().readValue(withoutNewFields,
                JobPayload.class);
        assertThat(old.previousParameterValues()).isEmpty();
        assertThat(old.externalAuthProviders()).isEmpty();
    }

    @Test
    void agentRoundTripsWithItsInitScript() throws Exception {
        Agent agent = new Agent(UUID.randomUUID(), "main", "linux", "amd64", "/home/coder", Map.of("A", "b"), List.of(),
                60, "", "token", List.of(), List.of(), null, 1, "", "token", "", "#!/bin/sh\necho hi\n");

        Agent read = Json.mapper().readValue(Json.mapper().writeValueAsString(agent), Agent.class);

        assertThat(read).isEqualTo(agent);
        assertThat(Json.mapper().readValue("{\"name\":\"main\"}", Agent.class).initScript()).isEmpty();
    }
}
