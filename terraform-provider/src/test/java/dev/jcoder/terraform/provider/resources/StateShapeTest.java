package dev.jcoder.terraform.provider.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcoder.terraform.provider.hosting.CoderProviderHost;
import dev.jcoder.terraform.provider.testing.HostedTerraform;
import dev.jcoder.terraform.provider.testing.Templates;
import dev.jcoder.terraform.provider.testing.Terraform;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State of minimal configurations compared with the state examples of the schema reference (taken
 * from coder's provisioner testdata, written by the real provider), generated values masked.
 */
class StateShapeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void minimalResourcesAndDataSourcesHaveTheRealProvidersStateShape(@TempDir Path dir) throws Exception {
    String template = Templates.REQUIRED_PROVIDERS + """
        data "coder_workspace" "me" {}
        data "coder_workspace_owner" "me" {}
        data "coder_external_auth" "github" {
          id = "github"
        }
        data "coder_parameter" "number_example_min_max" {
          name    = "number_example_min_max"
          type    = "number"
          default = 4
          validation {
            min = 3
            max = 6
          }
        }
        resource "coder_agent" "main" {
          arch = "amd64"
          os   = "linux"
        }
        resource "coder_app" "app1" {
          agent_id = coder_agent.main.id
          slug     = "app1"
        }
        resource "coder_script" "s" {
          agent_id     = coder_agent.main.id
          display_name = "Foobar Script 1"
          script       = "echo foobar 1"
          run_on_start = true
        }
        """;
    try (CoderProviderHost host = CoderProviderHost.start();
        HostedTerraform hosted = HostedTerraform.start(host, dir, template, Map.of())) {
      Terraform terraform = hosted.terraform();
      terraform.ok("plan", "-input=false", "-no-color", "-out=plan.out");
      JsonNode agentPlan = PlanningTest.change(terraform.showJson("plan.out"), "coder_agent.main");
      // An unconfigured display_apps block is planned wholly unknown, like SDKv2's Optional+Computed block.
      assertThat(agentPlan.path("after_unknown").path("display_apps").asBoolean()).isTrue();
      assertThat(agentPlan.path("after").has("display_apps")).isFalse();
      assertThat(agentPlan.path("after").path("connection_timeout").asInt()).isEqualTo(120);
      assertThat(terraform.apply().exitCode()).isZero();
      Map<String, JsonNode> state = terraform.stateResources();

      assertThat(masked(state.get("coder_agent.main"), "id", "token")).isEqualTo(JSON.readTree("""
          {"api_key_scope":"all","arch":"amd64","auth":"token","connection_timeout":120,"dir":null,
           "display_apps":[{"port_forwarding_helper":true,"ssh_helper":true,"vscode":true,"vscode_insiders":false,"web_terminal":true}],
           "env":null,"id":"*","init_script":"","metadata":[],"motd_file":null,"order":null,"os":"linux",
           "resources_monitoring":[],"shutdown_script":null,"startup_script":null,
           "startup_script_behavior":"non-blocking","token":"*","troubleshooting_url":null}
          """));
      assertThat(masked(state.get("coder_app.app1"), "id", "agent_id")).isEqualTo(JSON.readTree("""
          {"agent_id":"*","command":null,"display_name":null,"external":false,"group":null,"healthcheck":[],
           "hidden":false,"icon":null,"id":"*","open_in":"slim-window","order":null,"share":"owner","slug":"app1",
           "subdomain":null,"tooltip":null,"url":null}
          """));
      assertThat(masked(state.get("coder_script.s"), "id", "agent_id")).isEqualTo(JSON.readTree("""
          {"agent_id":"*","cron":null,"display_name":"Foobar Script 1","icon":null,"id":"*","log_path":null,
           "run_on_start":true,"run_on_stop":false,"script":"echo foobar 1","start_blocks_login":false,"timeout":0}
          """));
      assertThat(masked(state.get("data.coder_workspace.me"), "id")).isEqualTo(JSON.readTree("""
          {"access_port":443,"access_url":"https://mydeployment.coder.com","id":"*","is_prebuild":false,
           "is_prebuild_claim":false,"name":"default","prebuild_count":0,"start_count":1,"template_id":"",
           "template_name":"","template_version":"","transition":"start"}
          """));
      assertThat(masked(state.get("data.coder_workspace_owner.me"), "id")).isEqualTo(JSON.readTree("""
          {"email":"default@example.com","full_name":"default","groups":[],"id":"*","login_type":null,
           "name":"default","oidc_access_token":"","rbac_roles":[],"session_token":"","ssh_private_key":"",
           "ssh_public_key":""}
          """));
      assertThat(masked(state.get("data.coder_parameter.number_example_min_max"), "id")).isEqualTo(JSON.readTree("""
          {"default":"4","description":null,"display_name":null,"ephemeral":false,"form_type":"input","icon":null,
           "id":"*","mutable":false,"name":"number_example_min_max","option":null,"optional":true,"order":null,
           "styling":"{}","type":"number","validation":[{"error":"","max":6,"max_disabled":false,"min":3,
           "min_disabled":false,"monotonic":"","regex":""}],"value":"4"}
          """));
      assertThat(masked(state.get("data.coder_external_auth.github"))).isEqualTo(JSON.readTree("""
          {"access_token":"","id":"github","optional":null}
          """));
    }
  }

  private static JsonNode masked(JsonNode resource, String... generated) {
    ObjectNode values = resource.path("values").deepCopy();
    for (String name : generated) {
      assertThat(values.path(name).asText()).as(name).isNotEmpty();
      values.put(name, "*");
    }
    return values;
  }
}
