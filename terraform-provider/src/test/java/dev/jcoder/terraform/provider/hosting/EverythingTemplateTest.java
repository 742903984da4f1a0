package dev.jcoder.terraform.provider.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.terraform.provider.ProviderEnvironment;
import dev.jcoder.terraform.provider.testing.HostedTerraform;
import dev.jcoder.terraform.provider.testing.Templates;
import dev.jcoder.terraform.provider.testing.Terraform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template with every resource and data source, through start, stop and delete builds, with the
 * provider hosted in this JVM as the provisioner will run it.
 */
class EverythingTemplateTest {

  private static CoderProviderHost host;

  @BeforeAll
  static void startHost() {
    host = CoderProviderHost.start();
  }

  @AfterAll
  static void stopHost() {
    host.close();
  }

  private static Map<String, String> build(String transition) {
    return ProviderEnvironment.builder()
        .accessUrl("https://coder.example.com:8443")
        .agentScript("linux", "amd64", "#!/bin/sh\ncurl ${ACCESS_URL}bin/coder-linux-amd64 --auth ${AUTH_TYPE}")
        .transition(transition)
        .workspace("6b2e6a38-3f4a-4cb2-9a4b-5d8f0f7b1a01", "dev")
        .buildId("0e1b7a7e-8a6d-4b8e-9c44-1f3c3a1f4b22")
        .template("a1a1a1a1-3f4a-4cb2-9a4b-5d8f0f7b1a01", "docker", "v1")
        .owner("b2b2b2b2-3f4a-4cb2-9a4b-5d8f0f7b1a01", "alice", "Alice Liddell", "alice@example.com")
        .ownerGroups(List.of("Everyone", "devs"))
        .ownerRbacRoles(List.of(new ProviderEnvironment.RbacRole("member", "c3c3")))
        .ownerSessionToken("session-secret")
        .ownerLoginType("password")
        .ownerSshKeys("ssh-ed25519 AAAA alice", "")
        .parameter("Region", "us")
        .parameter("cpus", "4")
        .previousParameter("cpus", "2")
        .externalAuthAccessToken("github", "gho_token")
        .build()
        .variables();
  }

  @Test
  void startStopAndDeleteBuildsOfATemplateUsingEveryType(@TempDir Path dir) throws Exception {
    try (HostedTerraform start = HostedTerraform.start(host, dir, Templates.EVERYTHING, build("start"))) {
      Terraform terraform = start.terraform();
      terraform.init();
      assertThat(terraform.plan("-out=plan.out").exitCode()).isZero();

      JsonNode plan = terraform.showJson("plan.out");
      JsonNode agentChange = change(plan, "coder_agent.main");
      assertThat(agentChange.path("actions").toString()).isEqualTo("[\"create\"]");
      assertThat(agentChange.path("after_unknown").path("token").asBoolean()).isTrue();
      assertThat(agentChange.path("after_unknown").path("init_script").asBoolean()).isTrue();
      assertThat(agentChange.path("after_unknown").path("id").asBoolean()).isTrue();
      assertThat(agentChange.path("after_sensitive").path("token").asBoolean()).isTrue();
      assertThat(agentChange.path("after").path("auth").asText()).isEqualTo("token");
      assertThat(agentChange.path("after").path("startup_script_behavior").asText()).isEqualTo("non-blocking");
      assertThat(agentChange.path("after").path("display_apps").get(0).path("vscode_insiders").asBoolean()).isTrue();
      assertThat(agentChange.path("after").path("display_apps").get(0).path("web_terminal").asBoolean()).isTrue();
      // Values that depend on other resources are unknown at plan time.
      assertThat(change(plan, "coder_app.code").path("after_unknown").path("agent_id").asBoolean()).isTrue();
      assertThat(change(plan, "coder_metadata.info[0]").path("after_unknown").path("item").get(0)
          .path("is_null").asBoolean()).isTrue();

      terraform.ok("apply", "-input=false", "-no-color", "plan.out");
      Map<String, JsonNode> state = terraform.stateResources();

      JsonNode agent = state.get("coder_agent.main");
      assertThat(agent.path("schema_version").asInt()).isEqualTo(1);
      assertThat(agent.path("sensitive_values").path("token").asBoolean()).isTrue();
      JsonNode agentValues = agent.path("values");
      assertThat(agentValues.path("token").asText()).matches("[0-9a-f-]{36}");
      assertThat(agentValues.path("init_script").asText())
          .isEqualTo("#!/bin/sh\ncurl https://coder.example.com:8443/bin/coder-linux-amd64 --auth token");
      assertThat(agentValues.path("env").path("GIT_AUTHOR_NAME").asText()).isEqualTo("Alice Liddell");
      assertThat(agentValues.path("connection_timeout").asInt()).isEqualTo(60);
      assertThat(agentValues.path("metadata").get(0).path("order").asInt()).isZero();
      assertThat(agentValues.path("resources_monitoring").size()).isZero();
      assertThat(agentValues.path("display_apps").get(0).toString())
          .isEqualTo("{\"port_forwarding_helper\":true,\"ssh_helper\":true,\"vscode\":true,"
              + "\"vscode_insiders\":true,\"web_terminal\":true}");
      assertThat(Files.readString(dir.resolve("token.txt")).strip()).isEqualTo(agentValues.path("token").asText());

      JsonNode workspace = state.get("data.coder_workspace.me").path("values");
      assertThat(workspace.path("name").asText()).isEqualTo("dev");
      assertThat(workspace.path("id").asText()).isEqualTo("6b2e6a38-3f4a-4cb2-9a4b-5d8f0f7b1a01");
      assertThat(workspace.path("access_url").asText()).isEqualTo("https://coder.example.com:8443");
      assertThat(workspace.path("access_port").asInt()).isEqualTo(8443);
      assertThat(workspace.path("start_count").asInt()).isEqualTo(1);
      assertThat(workspace.path("template_name").asText()).isEqualTo("docker");

      JsonNode owner = state.get("data.coder_workspace_owner.me");
      assertThat(owner.path("values").path("groups").toString()).isEqualTo("[\"Everyone\",\"devs\"]");
      assertThat(owner.path("values").path("rbac_roles").toString())
          .isEqualTo("[{\"name\":\"member\",\"org_id\":\"c3c3\"}]");
      assertThat(owner.path("values").path("login_type").asText()).isEqualTo("password");
      assertThat(owner.path("sensitive_values").path("session_token").asBoolean()).isTrue();

      JsonNode region = state.get("data.coder_parameter.region").path("values");
      assertThat(region.path("value").asText()).isEqualTo("us");
      assertThat(region.path("form_type").asText()).isEqualTo("radio");
      assertThat(region.path("optional").asBoolean()).isTrue();
      assertThat(region.path("option").get(1).path("icon").asText()).isEmpty();
      assertThat(region.path("validation").size()).isZero();
      JsonNode cpus = state.get("data.coder_parameter.cpus").path("values");
      assertThat(cpus.path("value").asText()).isEqualTo("4");
      assertThat(cpus.path("default").asText()).isEqualTo("2");
      assertThat(cpus.path("option").isNull()).isTrue();
      assertThat(cpus.path("validation").get(0).path("min_disabled").asBoolean()).isFalse();
      assertThat(cpus.path("validation").get(0).path("regex").asText()).isEmpty();
      assertThat(state.get("data.coder_parameter.ides").path("values").path("value").asText())
          .isEqualTo("[\"vscode\"]");
      assertThat(state.get("data.coder_parameter.dotfiles").path("values").path("form_type").asText())
          .isEqualTo("switch");
      assertThat(state.get("data.coder_parameter.repo").path("values").path("value").asText())
          .isEqualTo("https://github.com/coder/coder");

      JsonNode preset = state.get("data.coder_workspace_preset.small").path("values");
      assertThat(preset.path("id").asText()).isEqualTo("Small");
      assertThat(preset.path("parameters").path("cpus").asText()).isEqualTo("2");
      assertThat(preset.path("prebuilds").get(0).path("scheduling").get(0).path("schedule").get(0).path("cron")
          .asText()).isEqualTo("* 8-18 * * 1-5");
      assertThat(state.get("data.coder_workspace_tags.tags").path("values").path("tags").path("region").asText())
          .isEqualTo("us");
      assertThat(state.get("data.coder_external_auth.github").path("values").path("access_token").asText())
          .isEqualTo("gho_token");

      JsonNode code = state.get("coder_app.code").path("values");
      assertThat(code.path("agent_id").asText()).isEqualTo(agentValues.path("id").asText());
      assertThat(code.path("open_in").asText()).isEqualTo("tab");
      assertThat(code.path("healthcheck").get(0).path("threshold").asInt()).isEqualTo(6);
      assertThat(state.get("coder_app.terminal").path("values").path("share").asText()).isEqualTo("owner");
      assertThat(state.get("coder_app.terminal").path("values").path("open_in").asText()).isEqualTo("slim-window");
      assertThat(state.get("coder_app.docs").path("values").path("external").asBoolean()).isTrue();
      assertThat(state.get("coder_script.dotfiles").path("values").path("timeout").asInt()).isZero();
      assertThat(state.get("coder_env.editor").path("values").path("merge_strategy").asText()).isEqualTo("replace");
      assertThat(state.get("coder_agent_instance.main").path("schema_version").asInt()).isZero();
      JsonNode items = state.get("coder_metadata.info[0]").path("values").path("item");
      assertThat(items.get(0).toString())
          .isEqualTo("{\"is_null\":false,\"key\":\"region\",\"sensitive\":false,\"value\":\"us\"}");
      assertThat(items.get(1).toString())
          .isEqualTo("{\"is_null\":true,\"key\":\"empty\",\"sensitive\":false,\"value\":\"\"}");

      // A second plan changes no coder resource (the agent token rotates, so token consumers update).
      terraform.ok("plan", "-input=false", "-no-color", "-out=replan.out");
      JsonNode replan = terraform.showJson("replan.out");
      replan.path("resource_changes").forEach(rc -> {
        if (rc.path("type").asText().startsWith("coder_")) {
          assertThat(rc.path("change").path("actions").toString()).as(rc.path("address").asText())
              .isEqualTo("[\"no-op\"]");
        }
      });
    }

    // The stop build: count = start_count drops the running parts, the agent and home stay.
    try (HostedTerraform stop = HostedTerraform.start(host, dir, Templates.EVERYTHING, build("stop"))) {
      Terraform terraform = stop.terraform();
      assertThat(terraform.apply().exitCode()).isZero();
      Map<String, JsonNode> state = terraform.stateResources();
      assertThat(state).doesNotContainKeys("terraform_data.container[0]", "coder_metadata.info[0]");
      assertThat(state).containsKeys("coder_agent.main", "terraform_data.home");
      assertThat(state.get("data.coder_workspace.me").path("values").path("start_count").asInt()).isZero();
    }

    try (HostedTerraform delete = HostedTerraform.start(host, dir, Templates.EVERYTHING, build("destroy"))) {
      Terraform terraform = delete.terraform();
      assertThat(terraform.run("destroy", "-input=false", "-no-color", "-auto-approve").exitCode()).isZero();
      assertThat(terraform.showJson().path("values").isMissingNode()).isTrue();
    }
  }

  static JsonNode change(JsonNode plan, String address) {
    for (JsonNode change : plan.path("resource_changes")) {
      if (change.path("address").asText().equals(address)) {
        return change.path("change");
      }
    }
    throw new AssertionError("no change for " + address + " in " + plan.path("resource_changes"));
  }
}
