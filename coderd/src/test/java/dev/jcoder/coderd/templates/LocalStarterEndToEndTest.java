package dev.jcoder.coderd.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.coderd.store.PostgresStore;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTemplateRequest;
import dev.jcoder.codersdk.CreateTemplateVersionRequest;
import dev.jcoder.codersdk.CreateWorkspaceBuildRequest;
import dev.jcoder.codersdk.CreateWorkspaceRequest;
import dev.jcoder.codersdk.ProvisionerJobLog;
import dev.jcoder.codersdk.ProvisionerJobStatus;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.TemplateVersionVariable;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceAgent;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceResource;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.provisionerd.DaemonConfig;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import dev.jcoder.provisionerd.terraform.TerraformConfig;
import dev.jcoder.provisionerd.terraform.TerraformProvisioner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code local} starter end to end through coderd: pushed as a template version, imported by a
 * daemon running the real Terraform provisioner (offline: coder/coder is hosted, nothing else is
 * needed), then a workspace started, stopped and deleted with its home directory on this host.
 */
class LocalStarterEndToEndTest {

    @Test
    void localStarterImportsAndRunsAWorkspaceThroughCoderd(@TempDir Path cache, @TempDir Path workspaces)
            throws Exception {
        try (TestCoderd server = TestCoderd.start();
                TerraformProvisioner terraform = TerraformProvisioner.start(offline(cache), Clock.systemUTC())) {
            CoderClient owner = server.createFirstUser();
            UUID organization = owner.organization("default").id();
            try (ProvisionerDaemons daemons = ProvisionerDaemons.start(1, "e2e",
                    registration -> server.coderd().provisionerJobs().daemonServer().connect(organization, registration,
                            "test"),
                    Map.of(ProvisionerType.TERRAFORM, terraform),
                    new DaemonConfig(cache.resolve("jobs"), Duration.ofMillis(500), Duration.ofSeconds(5),
                            Duration.ofMillis(5)))) {
                TemplateVersion version = importLocal(owner, workspaces);

                assertThat(version.job().status()).as(version.job().error()).isEqualTo(ProvisionerJobStatus.SUCCEEDED);
                assertThat(version.readme()).contains("# Local workspaces");
                assertThat(owner.templateVersionVariables(version.id()))
                        .extracting(TemplateVersionVariable::name, TemplateVersionVariable::value)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("workspaces_directory", workspaces.toString()));
                List<WorkspaceResource> resources = owner.templateVersionResources(version.id());
                assertThat(resources).filteredOn(r -> r.workspaceTransition() == WorkspaceTransition.START)
                        .extracting(WorkspaceResource::name).containsExactlyInAnyOrder("home", "workspace");
                assertThat(resources).filteredOn(r -> r.workspaceTransition() == WorkspaceTransition.STOP)
                        .extracting(WorkspaceResource::name).containsExactly("home");
                assertThat(resources).filteredOn(r -> r.name().equals("workspace")).singleElement()
                        .satisfies(r -> assertThat(r.agents()).extracting(WorkspaceAgent::name).containsExactly("main"));
                assertThat(owner.templateVersionLogs(version.id(), 0)).extracting(ProvisionerJobLog::stage)
                        .contains("Setting up", "Detecting persistent resources", "Detecting ephemeral resources");

                Template template = owner.createTemplate("default", CreateTemplateRequest.of("local", version.id()));
                Workspace workspace = owner.createWorkspace("me", CreateWorkspaceRequest.of(template.id(), "dev", List.of()));
                WorkspaceBuild started = awaitBuild(owner, workspace.latestBuild().id());
                assertThat(started.job().status()).as(started.job().error()).isEqualTo(ProvisionerJobStatus.SUCCEEDED);
                WorkspaceAgent agent = started.resources().stream().flatMap(r -> r.agents().stream()).findFirst()
                        .orElseThrow();
                Path home = Path.of(agent.directory());
                assertThat(home).isDirectory().startsWith(workspaces);
                Files.writeString(home.resolve("notes.txt"), "kept");

                WorkspaceBuild stopped = awaitBuild(owner, owner.createWorkspaceBuild(workspace.id(),
                        CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP)).id());
                assertThat(stopped.job().status()).as(stopped.job().error()).isEqualTo(ProvisionerJobStatus.SUCCEEDED);
                assertThat(stopped.resources()).flatExtracting(WorkspaceResource::agents).isEmpty();
                assertThat(home.resolve("notes.txt")).hasContent("kept");

                WorkspaceBuild deleted = awaitBuild(owner, owner.createWorkspaceBuild(workspace.id(),
                        CreateWorkspaceBuildRequest.of(WorkspaceTransition.DELETE)).id());
                assertThat(deleted.job().status()).as(deleted.job().error()).isEqualTo(ProvisionerJobStatus.SUCCEEDED);
                assertThat(home).doesNotExist();
            }
        }
    }

    @Test
    void startersAreListedWithTheirReadmesAndFiles() throws Exception {
        try (TestCoderd server = TestCoderd.start()) {
            CoderClient owner = server.createFirstUser();

            List<dev.jcoder.codersdk.TemplateExample> examples = owner.templateExamples();

            assertThat(examples).extracting(dev.jcoder.codersdk.TemplateExample::id)
                    .containsExactly("local", "docker", "kubernetes");
            assertThat(examples.getFirst().markdown()).startsWith("# Local workspaces").doesNotContain("display_name:");
            assertThat(examples.getFirst().tags()).contains("local");
            assertThat(new String(TemplateExamples.file("local", "main.tf").orElseThrow()))
                    .isEqualTo(Files.readString(examples().resolve("local/main.tf")));
        }
    }

    @Test
    void importRecordsWorkspaceTagsAndExternalAuthProviders(@TempDir Path cache) throws Exception {
        try (TestCoderd server = TestCoderd.start();
                TerraformProvisioner terraform = TerraformProvisioner.start(offline(cache), Clock.systemUTC())) {
            CoderClient owner = server.createFirstUser();
            UUID organization = owner.organization("default").id();
            try (ProvisionerDaemons daemons = ProvisionerDaemons.start(1, "e2e",
                    registration -> server.coderd().provisionerJobs().daemonServer().connect(organization, registration,
                            "test"),
                    Map.of(ProvisionerType.TERRAFORM, terraform),
                    new DaemonConfig(cache.resolve("jobs"), Duration.ofMillis(500), Duration.ofSeconds(5),
                            Duration.ofMillis(5)))) {
                TemplateVersion version = importTemplate(owner, Map.of("main.tf", """
                        terraform {
                          required_providers {
                            coder = {
                              source = "coder/coder"
                            }
                          }
                        }
                        data "coder_parameter" "region" {
                          name    = "region"
                          default = "eu"
                        }
                        data "coder_workspace_tags" "tags" {
                          tags = {
                            "region" = data.coder_parameter.region.value
                            "arch"   = "amd64"
                          }
                        }
                        data "coder_external_auth" "github" {
                          id = "github"
                        }
                        data "coder_external_auth" "gitlab" {
                          id       = "gitlab"
                          optional = true
                        }
                        """), List.of());

                assertThat(version.job().status()).as(version.job().error()).isEqualTo(ProvisionerJobStatus.SUCCEEDED);
                PostgresStore store = new PostgresStore(server.coderd().database().jdbi());
                assertThat(store.getTemplateVersionWorkspaceTags(version.id()))
                        .isEqualTo(Map.of("region", "eu", "arch", "amd64"));
                assertThat(store.getTemplateVersionExternalAuthProviders(version.id())).containsExactly("github", "gitlab");
                assertThat(owner.templateVersionRichParameters(version.id())).singleElement()
                        .satisfies(parameter -> assertThat(parameter.defaultValue()).isEqualTo("eu"));
            }
        }
    }

    private static TemplateVersion importTemplate(CoderClient owner, Map<String, String> files,
            List<VariableValue> variables) {
        TemplateVersion created = owner.createTemplateVersion("default", CreateTemplateVersionRequest
                .ofFile(EchoTemplates.upload(owner, EchoTemplates.tar(files)), ProvisionerType.TERRAFORM)
                .withVariables(variables));
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .until(() -> owner.templateVersion(created.id()).job().completed());
        return owner.templateVersion(created.id());
    }

    private static TemplateVersion importLocal(CoderClient owner, Path workspaces) throws Exception {
        Path local = examples().resolve("local");
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : List.of("README.md", "main.tf")) {
            files.put(name, Files.readString(local.resolve(name)));
        }
        return importTemplate(owner, files, List.of(new VariableValue("workspaces_directory", workspaces.toString())));
    }

    private static WorkspaceBuild awaitBuild(CoderClient client, UUID buildId) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.workspaceBuild(buildId).job().completed());
        return client.workspaceBuild(buildId);
    }

    /** Terraform with no registry at all: only an empty filesystem mirror. */
    private static TerraformConfig offline(Path cache) throws Exception {
        Files.createDirectories(cache.resolve("empty-mirror"));
        Path rc = cache.resolve("terraform.rc");
        Files.writeString(rc, "provider_installation {\n  filesystem_mirror {\n    path = \""
                + cache.resolve("empty-mirror") + "\"\n  }\n}\n");
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("TF_CLI_CONFIG_FILE", rc.toString());
        environment.remove("TF_REATTACH_PROVIDERS");
        return TerraformConfig.defaults(cache).withEnvironment(environment).withKillGracePeriod(Duration.ofSeconds(5));
    }

    private static Path examples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("examples/templates"))) {
                return dir.resolve("examples/templates");
            }
        }
        throw new IllegalStateException("examples/templates not found");
    }
}
