package dev.jcoder.terraform.provider.datasources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcoder.terraform.provider.hosting.CoderProviderHost;
import dev.jcoder.terraform.provider.testing.HostExtension;
import dev.jcoder.terraform.provider.testing.HostedTerraform;
import dev.jcoder.terraform.provider.testing.Templates;
import dev.jcoder.terraform.provider.testing.Terraform;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Data sources and provider configuration beyond coder_parameter: values and read-time errors. */
class DataSourcesTest {

  private static CoderProviderHost host;

  @BeforeAll
  static void startHost() {
    host = CoderProviderHost.start();
  }

  @AfterAll
  static void stopHost() {
    host.close();
  }

  private static String preset(String prebuilds) {
    return """
        data "coder_workspace_preset" "p" {
          name = "p"
          prebuilds {
            instances = 1
            %s
          }
        }
        """.formatted(prebuilds);
  }

  static Stream<Arguments> failingReads() {
    return Stream.of(
        Arguments.of("overlapping preset schedules", preset("""
            scheduling {
              timezone = "UTC"
              schedule {
                cron      = "* 8-18 * * 1-5"
                instances = 3
              }
              schedule {
                cron      = "* 18-19 * * 5-6"
                instances = 1
              }
            }
            """), Map.of(),
            "schedules overlap with each other: schedules overlap: * 8-18 * * 1-5 and * 18-19 * * 5-6"),
        Arguments.of("a preset cron with minutes", preset("""
            scheduling {
              timezone = "UTC"
              schedule {
                cron      = "0 8 * * *"
                instances = 1
              }
            }
            """), Map.of(), "cron spec failed validation: minute field should be *"),
        Arguments.of("an unknown preset time zone", preset("""
            scheduling {
              timezone = "Mars/Olympus"
              schedule {
                cron      = "* 8 * * *"
                instances = 1
              }
            }
            """), Map.of(), "failed to load timezone \"Mars/Olympus\": unknown time zone Mars/Olympus"),
        Arguments.of("a short prebuild ttl", preset("""
            expiration_policy {
              ttl = 60
            }
            """), Map.of(), "must be 0 or between 3600 and 31536000, got 60"),
        Arguments.of("owner groups that are not JSON", "data \"coder_workspace_owner\" \"me\" {}\n",
            Map.of("CODER_WORKSPACE_OWNER_GROUPS", "admins"), "invalid user groups:"),
        Arguments.of("a real build without a template id", "data \"coder_workspace\" \"me\" {}\n",
            Map.of("CODER_WORKSPACE_BUILD_ID", "b"),
            "template ID is missing: CODER_WORKSPACE_TEMPLATE_ID is required"),
        Arguments.of("a secret missing at start", """
            data "coder_secret" "key" {
              env          = "API_KEY"
              help_message = "Add an API key in your settings."
            }
            """, Map.of("CODER_WORKSPACE_BUILD_ID", "b", "CODER_WORKSPACE_TEMPLATE_ID", "t",
                "CODER_WORKSPACE_TEMPLATE_NAME", "n", "CODER_WORKSPACE_TEMPLATE_VERSION", "v"),
            "Missing required secret: environment variable \"API_KEY\""),
        Arguments.of("an empty provider url", "provider \"coder\" {\n  url = \"\"\n}\ndata \"coder_workspace\" \"me\" {}\n",
            Map.of(), "CODER_AGENT_URL must not be empty; got \"\""),
        Arguments.of("an icon with a bad escape", """
            data "coder_parameter" "p" {
              name = "p"
              icon = "/icon%.svg"
            }
            """, Map.of(), "invalid URL escape \"%.s\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failingReads")
  void planFailsFor(String scenario, String config, Map<String, String> env, String message, @TempDir Path dir) {
    Terraform.Result result = HostExtension.plan(host, dir, Templates.REQUIRED_PROVIDERS + config, env);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr().replaceAll("\\s*│\\s*", " ").replaceAll("\\s+", " ")).contains(message);
  }

  @Test
  void valuesComeFromConfigurationAndTheBuildEnvironment(@TempDir Path dir) throws Exception {
    String template = Templates.REQUIRED_PROVIDERS + """
        provider "coder" {
          url = "http://coder.internal:7080"
        }
        data "coder_workspace" "me" {}
        data "coder_task" "task" {}
        data "coder_secret" "key" {
          env          = "API_KEY"
          help_message = "Add an API key."
        }
        data "coder_provisioner" "me" {}
        output "workspace" {
          value = data.coder_workspace.me
        }
        output "task" {
          value = data.coder_task.task
        }
        output "secret" {
          value     = data.coder_secret.key.value
          sensitive = true
        }
        output "provisioner" {
          value = data.coder_provisioner.me
        }
        """;
    Map<String, String> env = Map.of(
        "CODER_AGENT_URL", "https://ignored.example.com",
        "CODER_WORKSPACE_IS_PREBUILD", "TRUE",
        "CODER_TASK_ID", "7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f",
        "CODER_TASK_PROMPT", "fix the bug",
        "CODER_SECRET_ENV_API_KEY", "s3cret");
    try (HostedTerraform hosted = HostedTerraform.start(host, dir, template, env)) {
      Terraform terraform = hosted.terraform();
      assertThat(terraform.apply().exitCode()).isZero();
      JsonNode outputs = new ObjectMapper().readTree(terraform.ok("output", "-json").stdout());

      JsonNode workspace = outputs.path("workspace").path("value");
      assertThat(workspace.path("access_url").asText()).isEqualTo("http://coder.internal:7080");
      assertThat(workspace.path("access_port").asInt()).isEqualTo(7080);
      assertThat(workspace.path("is_prebuild").asBoolean()).isTrue();
      assertThat(workspace.path("prebuild_count").asInt()).isEqualTo(1);
      assertThat(workspace.path("name").asText()).isEqualTo("default");
      assertThat(workspace.path("transition").asText()).isEqualTo("start");
      JsonNode task = outputs.path("task").path("value");
      assertThat(task.path("id").asText()).isEqualTo("7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f");
      assertThat(task.path("enabled").asBoolean()).isTrue();
      assertThat(task.path("prompt").asText()).isEqualTo("fix the bug");
      assertThat(outputs.path("secret").path("value").asText()).isEqualTo("s3cret");
      assertThat(outputs.path("provisioner").path("value").path("os").asText()).isEqualTo("linux");
      assertThat(outputs.path("provisioner").path("value").path("arch").asText()).isEqualTo("amd64");
    }
  }
}
