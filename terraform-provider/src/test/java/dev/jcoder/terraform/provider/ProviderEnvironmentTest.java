package dev.jcoder.terraform.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderEnvironmentTest {

  @Test
  void variablesFollowTheProviderContract() {
    BuildEnvironment env = ProviderEnvironment.builder()
        .accessUrl("https://coder.example.com")
        .transition("stop")
        .workspace("w-id", "dev")
        .owner("o-id", "alice", "Alice", "alice@example.com")
        .ownerGroups(List.of("Everyone"))
        .ownerRbacRoles(List.of(new ProviderEnvironment.RbacRole("member", "")))
        .parameter("Region", "eu")
        .secretFile("~/my-cert.pem", "pem")
        .externalAuthAccessToken("github", "gho")
        .build();

    assertThat(env.variables())
        .containsEntry("CODER_AGENT_URL", "https://coder.example.com")
        .containsEntry("CODER_WORKSPACE_TRANSITION", "stop")
        .containsEntry("CODER_WORKSPACE_NAME", "dev")
        .containsEntry("CODER_WORKSPACE_OWNER", "alice")
        .containsEntry("CODER_WORKSPACE_OWNER_GROUPS", "[\"Everyone\"]")
        .containsEntry("CODER_WORKSPACE_OWNER_RBAC_ROLES", "[{\"name\":\"member\",\"org_id\":\"\"}]")
        .containsEntry("CODER_PARAMETER_d3a008ef1335692d9d045175ba9ea1dcd39ae48da9e2043a9baabad6c3818c28", "eu")
        .containsEntry("CODER_SECRET_FILE_7e2f6d792d636572742e70656d", "pem")
        .containsEntry("CODER_EXTERNAL_AUTH_ACCESS_TOKEN_github", "gho");
  }
}
