package dev.jcoder.terraform.provider.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Planning and applying managed resources: replacement, validation, CustomizeDiff, create errors. */
class PlanningTest {

  private static CoderProviderHost host;

  @BeforeAll
  static void startHost() {
    host = CoderProviderHost.start();
  }

  @AfterAll
  static void stopHost() {
    host.close();
  }

  private static String agent(String startupScript) {
    return Templates.REQUIRED_PROVIDERS + """
        resource "coder_agent" "main" {
          arch           = "amd64"
          os             = "linux"
          startup_script = "%s"
        }
        resource "coder_app" "app" {
          agent_id = coder_agent.main.id
          slug     = "app"
          url      = "http://localhost:8080"
        }
        """.formatted(startupScript);
  }

  @Test
  void changingAConfiguredAttributeForcesReplacement(@TempDir Path dir) {
    try (HostedTerraform hosted = HostedTerraform.start(host, dir, agent("echo one"), Map.of())) {
      Terraform terraform = hosted.terraform();
      assertThat(terraform.apply().exitCode()).isZero();
      String firstId = terraform.stateResources().get("coder_agent.main").path("values").path("id").asText();

      terraform.writeMainTf(agent("echo two"));
      terraform.ok("plan", "-input=false", "-no-color", "-out=plan.out");
      JsonNode plan = terraform.showJson("plan.out");
      JsonNode agentChange = change(plan, "coder_agent.main");
      assertThat(agentChange.path("actions").toString()).isEqualTo("[\"delete\",\"create\"]");
      assertThat(agentChange.path("replace_paths").toString()).isEqualTo("[[\"startup_script\"]]");
      // The app depends on the agent's id, which is unknown again, so it is replaced too.
      assertThat(change(plan, "coder_app.app").path("actions").toString()).isEqualTo("[\"delete\",\"create\"]");

      terraform.ok("apply", "-input=false", "-no-color", "plan.out");
      JsonNode agent = terraform.stateResources().get("coder_agent.main").path("values");
      assertThat(agent.path("id").asText()).isNotEqualTo(firstId);
      assertThat(agent.path("startup_script").asText()).isEqualTo("echo two");
    }
  }

  @Test
  void anUnchangedConfigurationPlansNoChanges(@TempDir Path dir) {
    String template = agent("echo same") + """
        resource "coder_metadata" "m" {
          resource_id = coder_agent.main.id
          item {
            key = "nothing"
          }
        }
        resource "coder_script" "s" {
          agent_id     = coder_agent.main.id
          display_name = "s"
          script       = "true"
          run_on_stop  = true
        }
        """;
    try (HostedTerraform hosted = HostedTerraform.start(host, dir, template, Map.of())) {
      Terraform terraform = hosted.terraform();
      assertThat(terraform.apply().exitCode()).isZero();

      assertThat(terraform.plan("-detailed-exitcode").exitCode()).isZero();
    }
  }

  static Stream<Arguments> invalidResources() {
    return Stream.of(
        Arguments.of("an unknown architecture", """
            resource "coder_agent" "a" {
              arch = "x86"
              os   = "linux"
            }
            """, "expected arch to be one of [\"amd64\" \"armv7\" \"arm64\"], got x86"),
        Arguments.of("a negative connection timeout", """
            resource "coder_agent" "a" {
              arch               = "amd64"
              os                 = "linux"
              connection_timeout = -1
            }
            """, "expected connection_timeout to be at least (0), got -1"),
        Arguments.of("duplicate metadata keys", """
            resource "coder_agent" "a" {
              arch = "amd64"
              os   = "linux"
              metadata {
                key      = "k"
                script   = "true"
                interval = 1
              }
              metadata {
                key      = "k"
                script   = "true"
                interval = 1
              }
            }
            """, "duplicate agent metadata key \"k\""),
        Arguments.of("an invalid app slug", """
            resource "coder_app" "a" {
              agent_id = "x"
              slug     = "Not--Valid"
            }
            """, "invalid \"coder_app\" slug, must be a valid hostname"),
        Arguments.of("an app with both command and url", """
            resource "coder_app" "a" {
              agent_id = "x"
              slug     = "a"
              command  = "htop"
              url      = "http://localhost"
            }
            """, "\"command\": conflicts with url"),
        Arguments.of("an external app with a share level", """
            resource "coder_app" "a" {
              agent_id = "x"
              slug     = "a"
              url      = "https://example.com"
              external = true
              share    = "public"
            }
            """, "\"external\": conflicts with share"),
        Arguments.of("an invalid env name", """
            resource "coder_env" "e" {
              agent_id = "x"
              name     = "1BAD"
            }
            """, "invalid value for name (must be a valid environment variable name)"),
        Arguments.of("an invalid script cron", """
            resource "coder_script" "s" {
              agent_id     = "x"
              display_name = "s"
              script       = "true"
              cron         = "0 0 25 * * *"
            }
            """, "0 0 25 * * * is not a valid cron expression: end of range (25) above maximum (23): 25"),
        Arguments.of("an explicit zero script timeout", """
            resource "coder_script" "s" {
              agent_id     = "x"
              display_name = "s"
              script       = "true"
              run_on_start = true
              timeout      = 0
            }
            """, "expected timeout to be at least (1), got 0"),
        Arguments.of("duplicate metadata items", """
            resource "coder_metadata" "m" {
              resource_id = "x"
              item {
                key = "a"
              }
              item {
                key = "a"
              }
            }
            """, "duplicate resource metadata key \"a\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidResources")
  void planFailsFor(String scenario, String resource, String message, @TempDir Path dir) {
    Terraform.Result result = HostExtension.plan(host, dir, Templates.REQUIRED_PROVIDERS + resource, Map.of());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr().replaceAll("\\s*│\\s*", " ").replaceAll("\\s+", " ")).contains(message);
  }

  @Test
  void aScriptWithoutATriggerFailsAtApply(@TempDir Path dir) {
    String template = Templates.REQUIRED_PROVIDERS + """
        resource "coder_script" "s" {
          agent_id     = "x"
          display_name = "s"
          script       = "true"
        }
        """;
    try (HostedTerraform hosted = HostedTerraform.start(host, dir, template, Map.of())) {
      assertThat(hosted.terraform().plan().exitCode()).isZero();
      Terraform.Result apply = hosted.terraform().apply();
      assertThat(apply.exitCode()).isEqualTo(1);
      assertThat(apply.stderr()).contains("at least one of \"run_on_start\", \"run_on_stop\", or \"cron\" must be set");
    }
  }

  @Test
  void aDeprecatedDirWarnsButPlans(@TempDir Path dir) {
    String template = Templates.REQUIRED_PROVIDERS + """
        resource "coder_agent" "a" {
          arch = "amd64"
          os   = "linux"
          dir  = "/workspace"
        }
        """;
    Terraform.Result result = HostExtension.plan(host, dir, template, Map.of());

    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).contains("Argument is deprecated")
        .contains("dir has been deprecated and will be removed in a future release.");
  }

  static JsonNode change(JsonNode plan, String address) {
    for (JsonNode change : plan.path("resource_changes")) {
      if (change.path("address").asText().equals(address)) {
        return change.path("change");
      }
    }
    throw new AssertionError("no change for " + address);
  }
}
