package dev.jcoder.coderd.workspaces;

import static dev.jcoder.coderd.testing.ApiAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTemplateRequest;
import dev.jcoder.codersdk.CreateTemplateVersionRequest;
import dev.jcoder.codersdk.CreateWorkspaceBuildRequest;
import dev.jcoder.codersdk.CreateWorkspaceRequest;
import dev.jcoder.codersdk.ProvisionerJobStatus;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.TemplateVersionParameterType;
import dev.jcoder.codersdk.TimingStage;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceBuildParameter;
import dev.jcoder.codersdk.WorkspaceStatus;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.codersdk.provisionerd.AcquiredJob;
import dev.jcoder.codersdk.provisionerd.Agent;
import dev.jcoder.codersdk.provisionerd.CompletedJob;
import dev.jcoder.codersdk.provisionerd.DaemonRegistration;
import dev.jcoder.codersdk.provisionerd.FailedJob;
import dev.jcoder.codersdk.provisionerd.JobPayload;
import dev.jcoder.codersdk.provisionerd.JobResult;
import dev.jcoder.codersdk.provisionerd.ProvisionerDaemonClient;
import dev.jcoder.codersdk.provisionerd.Resource;
import dev.jcoder.codersdk.provisionerd.RichParameterValue;
import dev.jcoder.codersdk.provisionerd.TemplateVariable;
import dev.jcoder.codersdk.provisionerd.Timing;
import dev.jcoder.codersdk.provisionerd.UpdateJobRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code workspace_build} job as a daemon sees it, driven by hand through the daemon protocol:
 * what the payload carries, what a completed job stores, what a failed one keeps.
 */
class WorkspaceBuildJobTest {
    private static TestCoderd server;
    private static CoderClient owner;
    private static CoderClient member;
    private static ProvisionerDaemonClient daemon;
    private static Template template;

    @BeforeAll
    static void start() throws Exception {
        server = TestCoderd.start();
        owner = server.createFirstUser();
        member = server.createUser(owner, "ivy");
        UUID organization = owner.organization("default").id();
        daemon = server.coderd().provisionerJobs().daemonServer().connect(organization,
                new DaemonRegistration("by-hand", List.of(ProvisionerType.ECHO), Map.of()), "test");
        TemplateVersion version = owner.createTemplateVersion("default", CreateTemplateVersionRequest.ofFile(
                EchoTemplates.upload(owner, EchoTemplates.echo(Map.of())), ProvisionerType.ECHO)
                .withVariables(List.of(new VariableValue("region", "eu-west"))));
        AcquiredJob importJob = acquire();
        daemon.updateJob(new UpdateJobRequest(importJob.jobId(), List.of(),
                List.of(new TemplateVariable("region", "", "string", "us", false, false)), List.of(), ""));
        TemplateVersionParameter size = new TemplateVersionParameter("size", "", "", "", TemplateVersionParameterType.STRING,
                true, "small", "", List.of(), "", "", null, null, null, false, false);
        daemon.completeJob(new CompletedJob(importJob.jobId(), new JobResult.TemplateImport(List.of(), List.of(),
                List.of(size), List.of(), List.of(), Map.of())));
        EchoTemplates.awaitCompleted(owner, version.id());
        template = owner.createTemplate("default", CreateTemplateRequest.of("by-hand", version.id()));
    }

    @AfterAll
    static void stop() {
        daemon.close();
        server.close();
    }

    private static AcquiredJob acquire() throws InterruptedException {
        return daemon.acquireJob(Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no job to acquire"));
    }

    @Test
    void payloadCarriesTheBuildsContextAndCompletionStoresItsResults() throws Exception {
        Workspace workspace = member.createWorkspace("me", CreateWorkspaceRequest.of(template.id(), "by-hand",
                List.of(new WorkspaceBuildParameter("size", "large"))).withSchedule(null, Duration.ofHours(8).toMillis()));
        AcquiredJob job = acquire();
        JobPayload.WorkspaceBuild payload = (JobPayload.WorkspaceBuild) job.payload();
        assertThat(payload.workspaceBuildId()).isEqualTo(workspace.latestBuild().id());
        assertThat(payload.workspaceName()).isEqualTo("by-hand");
        assertThat(payload.richParameterValues()).containsExactly(new RichParameterValue("size", "large"));
        assertThat(payload.variableValues()).containsExactly(new VariableValue("region", "eu-west"));
        assertThat(payload.state()).isEmpty();
        assertThat(payload.previousParameterValues()).isEmpty();
        var metadata = payload.metadata();
        assertThat(metadata.workspaceTransition()).isEqualTo(WorkspaceTransition.START);
        assertThat(metadata.workspaceOwner()).isEqualTo("ivy");
        assertThat(metadata.workspaceOwnerEmail()).isEqualTo("ivy@example.com");
        assertThat(metadata.workspaceId()).isEqualTo(workspace.id());
        assertThat(metadata.templateName()).isEqualTo("by-hand");
        assertThat(metadata.coderUrl()).isEqualTo(server.coderd().accessUrl().toString());
        assertThat(metadata.workspaceOwnerLoginType()).isEqualTo("password");
        assertThat(metadata.workspaceOwnerRbacRoles()).extracting(r -> r.name()).contains("member", "organization-member");
        assertThat(metadata.workspaceOwnerSshPublicKey()).isEqualTo(member.gitSshKey("me").publicKey());
        assertThat(metadata.workspaceOwnerSshPrivateKey()).contains("PRIVATE KEY");
        // The session token acts as the owner.
        CoderClient asOwner = server.anonymous().withToken(metadata.workspaceOwnerSessionToken());
        assertThat(asOwner.user("me").username()).isEqualTo("ivy");

        Instant started = server.clock().instant();
        Resource resource = new Resource("vm", "null_resource", false, "", 7, List.of(new Agent(null, "main", null, null,
                null, Map.of("A", "1"), List.of(), 0, null, "", List.of(), List.of(), null, 0, null, null, null)), List.of());
        daemon.completeJob(new CompletedJob(job.jobId(), new JobResult.WorkspaceBuild(
                "{\"version\":4}".getBytes(StandardCharsets.UTF_8), List.of(resource),
                List.of(new Timing(started, started.plusSeconds(2), "apply", "coder", "create", "coder_agent.main")))));
        WorkspaceBuild built = WorkspaceFixtures.awaitBuild(member, workspace.latestBuild().id());
        assertThat(built.status()).isEqualTo(WorkspaceStatus.RUNNING);
        assertThat(built.dailyCost()).isEqualTo(7);
        assertThat(built.deadline()).isEqualTo(built.job().completedAt().plus(Duration.ofHours(8)));
        assertThat(built.resources()).singleElement().satisfies(r -> assertThat(r.agents()).singleElement()
                .satisfies(a -> {
                    assertThat(a.environmentVariables()).containsEntry("A", "1");
                    assertThat(a.connectionTimeoutSeconds()).isEqualTo(120);
                }));
        assertThat(member.workspaceBuildTimings(built.id()).provisionerTimings()).singleElement().satisfies(t -> {
            assertThat(t.stage()).isEqualTo(TimingStage.APPLY);
            assertThat(t.resource()).isEqualTo("coder_agent.main");
            assertThat(t.jobId()).isEqualTo(job.jobId());
        });
        assertThat(owner.workspaceBuildState(built.id())).asString(StandardCharsets.UTF_8).isEqualTo("{\"version\":4}");

        // A stop build gets the previous state and no session token; the old token stops working.
        WorkspaceBuild stop = member.createWorkspaceBuild(workspace.id(), CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP));
        AcquiredJob stopJob = acquire();
        JobPayload.WorkspaceBuild stopPayload = (JobPayload.WorkspaceBuild) stopJob.payload();
        assertThat(stopPayload.state()).asString(StandardCharsets.UTF_8).isEqualTo("{\"version\":4}");
        assertThat(stopPayload.metadata().workspaceTransition()).isEqualTo(WorkspaceTransition.STOP);
        assertThat(stopPayload.metadata().workspaceOwnerSessionToken()).isEmpty();
        assertThat(stopPayload.richParameterValues()).containsExactly(new RichParameterValue("size", "large"));
        assertThat(stopPayload.previousParameterValues()).containsExactly(new RichParameterValue("size", "large"));
        assertStatus(() -> asOwner.user("me"), 401);

        // A failed job keeps the state the provisioner sent.
        daemon.failJob(new FailedJob(stopJob.jobId(), "terraform destroy failed", "",
                "{\"version\":5}".getBytes(StandardCharsets.UTF_8)));
        WorkspaceBuild failed = WorkspaceFixtures.awaitBuild(member, stop.id());
        assertThat(failed.status()).isEqualTo(WorkspaceStatus.FAILED);
        assertThat(failed.job().status()).isEqualTo(ProvisionerJobStatus.FAILED);
        assertThat(failed.job().error()).isEqualTo("terraform destroy failed");
        assertThat(owner.workspaceBuildState(failed.id())).asString(StandardCharsets.UTF_8).isEqualTo("{\"version\":5}");
        assertThat(member.workspace(workspace.id()).latestBuild().status()).isEqualTo(WorkspaceStatus.FAILED);
    }
}
