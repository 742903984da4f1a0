package dev.jcoder.provisionerd.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.provisionerd.AcquiredJob;
import dev.jcoder.codersdk.provisionerd.JobPayload;
import dev.jcoder.codersdk.provisionerd.Metadata;
import dev.jcoder.codersdk.provisionerd.RichParameterValue;
import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.TemplateVersionParameterType;
import dev.jcoder.codersdk.ValidationMonotonicOrder;
import dev.jcoder.codersdk.WorkspaceAppOpenIn;
import dev.jcoder.codersdk.WorkspaceAppSharingLevel;
import dev.jcoder.codersdk.provisionerd.Agent;
import dev.jcoder.codersdk.provisionerd.FailedJob;
import dev.jcoder.codersdk.provisionerd.JobResult;
import dev.jcoder.codersdk.provisionerd.Resource;
import dev.jcoder.codersdk.provisionerd.Script;
import dev.jcoder.codersdk.provisionerd.TemplateVariable;
import dev.jcoder.provisionerd.JobFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template imports with the real terraform: what the plans of start and stop say about a template. */
class TemplateImportTest {
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

    static final String TEMPLATE = """
            terraform {
              required_providers {
                coder = {
                  source  = "coder/coder"
                  version = ">= 2.0"
                }
              }
            }

            variable "region" {
              type        = string
              description = "Cloud region"
              default     = "eu-west"
            }
            variable "image" {
              type = string
            }
            variable "replicas" {
              type      = number
              default   = 2
              sensitive = true
            }
            variable "labels" {
              type    = map(string)
              default = { team = "dev", "cost-center" = "42" }
            }

            data "coder_workspace" "me" {}
            data "coder_workspace_owner" "me" {}

            data "coder_parameter" "cpus" {
              name         = "cpus"
              display_name = "CPUs"
              description  = "How many cores"
              type         = "number"
              default      = 2
              mutable      = true
              order        = 2
              icon         = "/icon/cpu.svg"
              validation {
                min       = 1
                max       = 8
                monotonic = "increasing"
              }
            }
            data "coder_parameter" "region" {
              name    = "region"
              type    = "string"
              default = "eu"
              order   = 1
              option {
                name  = "Europe"
                value = "eu"
                icon  = "/emojis/1f1ea-1f1fa.png"
              }
              option {
                name        = "United States"
                value       = "us"
                description = "Virginia"
              }
            }
            data "coder_parameter" "repo" {
              name      = "repo"
              ephemeral = true
              mutable   = true
              default   = "https://github.com/coder/coder"
              order     = 3
              validation {
                regex = "^https://"
                error = "Must be an https URL"
              }
            }
            data "coder_parameter" "name" {
              name  = "name"
              order = 4
            }

            data "coder_workspace_preset" "small" {
              name    = "Small"
              default = true
              parameters = {
                (data.coder_parameter.cpus.name)   = "2"
                (data.coder_parameter.region.name) = "eu"
              }
            }
            data "coder_workspace_preset" "large" {
              name = "Large"
              parameters = {
                cpus = "8"
              }
            }

            data "coder_workspace_tags" "tags" {
              tags = {
                "region" = data.coder_parameter.region.value
                "os"     = "linux"
              }
            }

            data "coder_external_auth" "github" {
              id = "github"
            }

            resource "coder_agent" "main" {
              os                  = "linux"
              arch                = "amd64"
              dir                 = "/home/coder"
              startup_script      = "echo started"
              shutdown_script     = "echo stopping"
              connection_timeout  = 60
              troubleshooting_url = "https://example.com/help"
              motd_file           = "/etc/motd"
              order               = 3
              env = {
                REGION = var.region
              }
              metadata {
                key          = "cpu"
                display_name = "CPU"
                script       = "top -bn1"
                interval     = 10
                timeout      = 1
                order        = 1
              }
              display_apps {
                vscode          = false
                vscode_insiders = true
              }
            }

            resource "coder_agent" "sidecar" {
              os   = "linux"
              arch = "arm64"
              auth = "token"
            }

            resource "coder_app" "code" {
              agent_id     = coder_agent.main.id
              slug         = "code-server"
              display_name = "code-server"
              url          = "http://localhost:13337"
              icon         = "/icon/code.svg"
              subdomain    = true
              share        = "authenticated"
              open_in      = "tab"
              healthcheck {
                url       = "http://localhost:13337/healthz"
                interval  = 5
                threshold = 6
              }
            }
            resource "coder_app" "htop" {
              agent_id = coder_agent.main.id
              slug     = "htop"
              command  = "htop"
              hidden   = true
            }
            resource "coder_app" "logs" {
              agent_id = coder_agent.sidecar.id
              slug     = "logs"
              url      = "https://example.com/logs"
              external = true
            }

            resource "coder_script" "dotfiles" {
              agent_id           = coder_agent.main.id
              display_name       = "Dotfiles"
              icon               = "/icon/dotfiles.svg"
              script             = "echo dotfiles"
              run_on_start       = true
              start_blocks_login = true
              timeout            = 300
              log_path           = "dotfiles.log"
            }
            resource "coder_script" "backup" {
              agent_id     = coder_agent.main.id
              display_name = "Backup"
              script       = "echo backup"
              cron         = "0 0 22 * * *"
            }

            resource "coder_env" "editor" {
              agent_id = coder_agent.main.id
              name     = "EDITOR"
              value    = "vim"
            }

            resource "coder_agent_instance" "sidecar" {
              agent_id    = coder_agent.sidecar.id
              instance_id = "i-1234"
            }

            locals {
              main_script = coder_agent.main.init_script
            }

            resource "terraform_data" "home" {
              input = data.coder_workspace.me.name
            }

            resource "terraform_data" "dev" {
              count = data.coder_workspace.me.start_count
              input = {
                script = local.main_script
                token  = coder_agent.main.token
                home   = terraform_data.home.id
              }
            }

            resource "terraform_data" "sidecar" {
              count = data.coder_workspace.me.start_count
              input = coder_agent.sidecar.init_script
            }

            resource "coder_metadata" "dev" {
              count       = data.coder_workspace.me.start_count
              resource_id = terraform_data.dev[0].id
              daily_cost  = 12
              icon        = "/icon/server.svg"
              hide        = false
              item {
                key   = "region"
                value = var.region
              }
              item {
                key       = "secret"
                value     = "hunter2"
                sensitive = true
              }
              item {
                key = "empty"
              }
            }
            resource "coder_metadata" "home" {
              resource_id = terraform_data.home.id
              hide        = true
            }
            """;

    @Test
    void importRecordsParametersVariablesPresetsTagsAuthAndResources(@TempDir Path jobs) throws Exception {
        Path work = Jobs.workDirectory(TEMPLATE, jobs);
        Files.writeString(work.resolve("README.md"), "# Starter\n\nHello.\n");
        RecordingSession session = new RecordingSession(Map.of("image", "ubuntu"));

        JobResult.TemplateImport result = (JobResult.TemplateImport) provisioner.run(Jobs.importJob(List.of()), work,
                session);

        assertThat(session.readme).isEqualTo("# Starter\n\nHello.\n");
        assertThat(session.reportedVariables).containsExactly(
                new TemplateVariable("region", "Cloud region", "string", "eu-west", false, false),
                new TemplateVariable("image", "", "string", "", true, false),
                new TemplateVariable("replicas", "", "number", "2", false, true),
                new TemplateVariable("labels", "", "map(string)", "{\"team\":\"dev\",\"cost-center\":\"42\"}", false,
                        false));

        assertThat(result.richParameters()).extracting(TemplateVersionParameter::name)
                .containsExactly("region", "cpus", "repo", "name");
        TemplateVersionParameter cpus = result.richParameters().get(1);
        assertThat(cpus).isEqualTo(new TemplateVersionParameter("cpus", "CPUs", "How many cores", "How many cores",
                TemplateVersionParameterType.NUMBER, true, "2", "/icon/cpu.svg", List.of(), "", "", 1, 8,
                ValidationMonotonicOrder.INCREASING, false, false));
        TemplateVersionParameter region = result.richParameters().getFirst();
        assertThat(region.options()).hasSize(2);
        assertThat(region.options().get(0).icon()).isEqualTo("/emojis/1f1ea-1f1fa.png");
        assertThat(region.options().get(1).description()).isEqualTo("Virginia");
        assertThat(region.mutable()).isFalse();
        TemplateVersionParameter repo = result.richParameters().get(2);
        assertThat(repo.ephemeral()).isTrue();
        assertThat(repo.validationRegex()).isEqualTo("^https://");
        assertThat(repo.validationError()).isEqualTo("Must be an https URL");
        assertThat(repo.validationMin()).isNull();
        assertThat(result.richParameters().get(3).required()).isTrue();

        assertThat(result.presets()).hasSize(2);
        assertThat(result.presets()).anySatisfy(preset -> {
            assertThat(preset.name()).isEqualTo("Small");
            assertThat(preset.isDefault()).isTrue();
            assertThat(preset.parameters()).isEqualTo(Map.of("cpus", "2", "region", "eu"));
        });
        assertThat(result.workspaceTags()).isEqualTo(Map.of("region", "eu", "os", "linux"));
        assertThat(result.externalAuthProviders()).containsExactly("github");

        // Start: both agents in the resources that use their init scripts; apps, scripts, env attached.
        assertThat(result.startResources()).extracting(Resource::type, Resource::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("terraform_data", "dev"),
                org.assertj.core.groups.Tuple.tuple("terraform_data", "home"),
                org.assertj.core.groups.Tuple.tuple("terraform_data", "sidecar"));
        Resource dev = result.startResources().getFirst();
        assertThat(dev.dailyCost()).isEqualTo(12);
        assertThat(dev.icon()).isEqualTo("/icon/server.svg");
        assertThat(dev.metadata()).extracting(m -> m.key() + "=" + m.value() + (m.sensitive() ? " (sensitive)" : ""))
                .containsExactly("region=eu-west", "secret=hunter2 (sensitive)", "empty=");
        assertThat(result.startResources().get(1).hide()).isTrue();
        assertThat(dev.agents()).hasSize(1);
        Agent main = dev.agents().getFirst();
        assertThat(main.name()).isEqualTo("main");
        assertThat(main.id()).isNull();
        assertThat(main.authToken()).isEmpty();
        assertThat(main.directory()).isEqualTo("/home/coder");
        assertThat(main.connectionTimeoutSeconds()).isEqualTo(60);
        assertThat(main.troubleshootingUrl()).isEqualTo("https://example.com/help");
        assertThat(main.motdFile()).isEqualTo("/etc/motd");
        assertThat(main.order()).isEqualTo(3);
        assertThat(main.environmentVariables()).isEqualTo(Map.of("REGION", "eu-west", "EDITOR", "vim"));
        assertThat(main.displayApps().vscode()).isFalse();
        assertThat(main.displayApps().vscodeInsiders()).isTrue();
        assertThat(main.displayApps().webTerminal()).isTrue();
        assertThat(main.metadata()).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("cpu");
            assertThat(m.displayName()).isEqualTo("CPU");
            assertThat(m.script()).isEqualTo("top -bn1");
            assertThat(m.intervalSeconds()).isEqualTo(10);
            assertThat(m.timeoutSeconds()).isEqualTo(1);
            assertThat(m.order()).isEqualTo(1);
        });
        assertThat(main.scripts()).containsExactlyInAnyOrder(
                new Script("Startup Script", "/emojis/25b6.png", "echo started", "", false, true, false, 0,
                        "coder-startup-script.log"),
                new Script("Shutdown Script", "/emojis/25c0.png", "echo stopping", "", false, false, true, 0,
                        "coder-shutdown-script.log"),
                new Script("Dotfiles", "/icon/dotfiles.svg", "echo dotfiles", "", true, true, false, 300,
                        "dotfiles.log"),
                new Script("Backup", "", "echo backup", "0 0 22 * * *", false, false, false, 0, ""));
        assertThat(main.apps()).hasSize(2);
        assertThat(main.apps()).anySatisfy(app -> {
            assertThat(app.slug()).isEqualTo("code-server");
            assertThat(app.subdomain()).isTrue();
            assertThat(app.sharingLevel()).isEqualTo(WorkspaceAppSharingLevel.AUTHENTICATED);
            assertThat(app.openIn()).isEqualTo(WorkspaceAppOpenIn.TAB);
            assertThat(app.healthcheck().url()).isEqualTo("http://localhost:13337/healthz");
            assertThat(app.healthcheck().threshold()).isEqualTo(6);
        });
        assertThat(main.apps()).anySatisfy(app -> {
            assertThat(app.slug()).isEqualTo("htop");
            assertThat(app.command()).isEqualTo("htop");
            assertThat(app.hidden()).isTrue();
        });
        Agent sidecar = result.startResources().get(2).agents().getFirst();
        assertThat(sidecar.architecture()).isEqualTo("arm64");
        assertThat(sidecar.instanceId()).isEqualTo("i-1234");
        assertThat(sidecar.apps()).singleElement().satisfies(app -> assertThat(app.external()).isTrue());

        // Stop: only what has no count remains, and no agent runs anywhere.
        assertThat(result.stopResources()).extracting(Resource::name).containsExactly("home");
        assertThat(result.stopResources().getFirst().agents()).isEmpty();

        assertThat(session.output("Detecting persistent resources")).anyMatch(line -> line.contains("Plan:"));
        assertThat(session.output("Detecting ephemeral resources")).anyMatch(line -> line.contains("Plan:"));
        assertThat(session.lines).noneMatch(line -> line.level() == LogLevel.ERROR);
    }

    @Test
    void dryRunPlansTheStartResourcesWithTheGivenParameterValues(@TempDir Path jobs) throws Exception {
        Path work = Jobs.workDirectory(TEMPLATE, jobs);
        Metadata metadata = Metadata.forImport(Jobs.ACCESS_URL, "starter", "v1", UUID.randomUUID());
        AcquiredJob job = new AcquiredJob(UUID.randomUUID(), java.time.Instant.now(), ProvisionerType.TERRAFORM, "alice",
                new byte[0], new JobPayload.TemplateDryRun(List.of(new RichParameterValue("region", "us"),
                        new RichParameterValue("name", "x")), List.of(new VariableValue("image", "ubuntu")), metadata));

        JobResult.TemplateDryRun result = (JobResult.TemplateDryRun) provisioner.run(job, work, new RecordingSession());

        assertThat(result.resources()).extracting(Resource::name).containsExactly("dev", "home", "sidecar");
        assertThat(result.resources().getFirst().agents()).extracting(Agent::name).containsExactly("main");
    }

    @Test
    void missingRequiredVariablesFailTheImport(@TempDir Path jobs) {
        Path work = Jobs.workDirectory(TEMPLATE, jobs);
        RecordingSession session = new RecordingSession();

        assertThatThrownBy(() -> provisioner.run(Jobs.importJob(List.of()), work, session))
                .isInstanceOfSatisfying(JobFailedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FailedJob.REQUIRED_TEMPLATE_VARIABLES);
                    assertThat(e.getMessage()).contains("image");
                });
    }

    @Test
    void aPlanErrorFailsTheImportWithTerraformsDiagnostic(@TempDir Path jobs) {
        Path work = Jobs.workDirectory("""
                terraform {
                  required_providers {
                    coder = {
                      source = "coder/coder"
                    }
                  }
                }
                data "coder_parameter" "cpus" {
                  name    = "cpus"
                  type    = "number"
                  default = 12
                  validation {
                    min = 1
                    max = 8
                  }
                }
                """, jobs);
        RecordingSession session = new RecordingSession();

        assertThatThrownBy(() -> provisioner.run(Jobs.importJob(List.of()), work, session))
                .isInstanceOf(JobFailedException.class)
                .hasMessageContaining("terraform plan: exit status 1")
                .hasMessageContaining("value 12 is more than the maximum 8");
        assertThat(session.lines).anyMatch(line -> line.level() == LogLevel.ERROR
                && line.output().contains("Invalid parameter default value"));
    }

    @Test
    void duplicateParameterNamesAreRejected(@TempDir Path jobs) {
        Path work = Jobs.workDirectory("""
                terraform {
                  required_providers {
                    coder = {
                      source = "coder/coder"
                    }
                  }
                }
                data "coder_parameter" "a" {
                  name = "same"
                  default = "x"
                }
                data "coder_parameter" "b" {
                  name = "same"
                  default = "y"
                }
                """, jobs);

        assertThatThrownBy(() -> provisioner.run(Jobs.importJob(List.of()), work, new RecordingSession()))
                .isInstanceOf(JobFailedException.class)
                .hasMessage("coder_parameter names must be unique but \"same\" appears multiple times");
    }
}
