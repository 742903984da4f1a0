package dev.jcoder.terraform.provider.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.terraform.provider.hosting.CoderProviderHost;
import dev.jcoder.terraform.provider.testing.HostedTerraform;
import dev.jcoder.terraform.provider.testing.Templates;
import dev.jcoder.terraform.provider.testing.Terraform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State written by provider 0.x/1.x (schema version 0, removed attributes) upgrades without replacement. */
class StateUpgradeTest {

  private static CoderProviderHost host;

  @BeforeAll
  static void startHost() {
    host = CoderProviderHost.start();
  }

  @AfterAll
  static void stopHost() {
    host.close();
  }

  private static final String TEMPLATE = Templates.REQUIRED_PROVIDERS + """
      resource "coder_agent" "main" {
        arch           = "amd64"
        os             = "linux"
        startup_script = "echo hi"
      }
      resource "coder_app" "code" {
        agent_id = coder_agent.main.id
        slug     = "code"
        url      = "http://localhost:8080"
      }
      """;

  /** Shaped like a v0.x state: login_before_ready and the script timeouts, app name/relative_path, no display_apps. */
  private static final String OLD_STATE = """
      {
        "version": 4,
        "terraform_version": "1.5.7",
        "serial": 3,
        "lineage": "5d0ab1c2-6f2e-4c4a-9d1e-0f8e7f1f2a3b",
        "outputs": {},
        "resources": [
          {
            "mode": "managed",
            "type": "coder_agent",
            "name": "main",
            "provider": "provider[\\"registry.terraform.io/coder/coder\\"]",
            "instances": [
              {
                "schema_version": 0,
                "attributes": {
                  "arch": "amd64",
                  "auth": "token",
                  "connection_timeout": 120,
                  "dir": null,
                  "env": null,
                  "id": "0a0b0c0d-1111-4222-8333-444455556666",
                  "init_script": "",
                  "login_before_ready": true,
                  "metadata": [],
                  "motd_file": null,
                  "os": "linux",
                  "shutdown_script": null,
                  "shutdown_script_timeout": 300,
                  "startup_script": "echo hi",
                  "startup_script_timeout": 300,
                  "token": "7e57a7e5-0000-4000-8000-000000000001",
                  "troubleshooting_url": null
                },
                "sensitive_attributes": []
              }
            ]
          },
          {
            "mode": "managed",
            "type": "coder_app",
            "name": "code",
            "provider": "provider[\\"registry.terraform.io/coder/coder\\"]",
            "instances": [
              {
                "schema_version": 0,
                "attributes": {
                  "agent_id": "0a0b0c0d-1111-4222-8333-444455556666",
                  "command": null,
                  "healthcheck": [],
                  "icon": null,
                  "id": "9f9f9f9f-1111-4222-8333-444455556666",
                  "name": "code",
                  "relative_path": true,
                  "share": "owner",
                  "slug": "code",
                  "subdomain": null,
                  "url": "http://localhost:8080"
                },
                "sensitive_attributes": [],
                "dependencies": ["coder_agent.main"]
              }
            ]
          }
        ],
        "check_results": null
      }
      """;

  @Test
  void stateFromAnOlderSchemaVersionUpgradesWithoutChanges(@TempDir Path dir) throws Exception {
    try (HostedTerraform hosted = HostedTerraform.start(host, dir, TEMPLATE, Map.of())) {
      Terraform terraform = hosted.terraform();
      Files.writeString(dir.resolve("terraform.tfstate"), OLD_STATE);

      Terraform.Result plan = terraform.plan("-detailed-exitcode");
      assertThat(plan.exitCode()).as(plan.output()).isZero();

      terraform.ok("apply", "-refresh-only", "-auto-approve", "-input=false", "-no-color");
      Map<String, JsonNode> state = terraform.stateResources();
      JsonNode agent = state.get("coder_agent.main");
      assertThat(agent.path("schema_version").asInt()).isEqualTo(1);
      assertThat(agent.path("values").has("login_before_ready")).isFalse();
      assertThat(agent.path("values").has("startup_script_timeout")).isFalse();
      assertThat(agent.path("values").path("id").asText()).isEqualTo("0a0b0c0d-1111-4222-8333-444455556666");
      assertThat(agent.path("values").path("api_key_scope").asText()).isEqualTo("all");
      assertThat(agent.path("values").path("resources_monitoring").isArray()).isTrue();
      assertThat(agent.path("values").path("display_apps").get(0).path("vscode").asBoolean()).isTrue();
      // Read rotates the token, as the real provider does on every refresh.
      assertThat(agent.path("values").path("token").asText()).isNotEqualTo("7e57a7e5-0000-4000-8000-000000000001");

      JsonNode app = state.get("coder_app.code");
      assertThat(app.path("schema_version").asInt()).isEqualTo(1);
      assertThat(app.path("values").has("name")).isFalse();
      assertThat(app.path("values").has("relative_path")).isFalse();
      assertThat(app.path("values").path("open_in").asText()).isEqualTo("slim-window");
      assertThat(app.path("values").path("tooltip").isNull()).isTrue();
    }
  }
}
