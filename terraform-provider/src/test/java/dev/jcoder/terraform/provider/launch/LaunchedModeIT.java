package dev.jcoder.terraform.provider.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.terraform.provider.testing.Templates;
import dev.jcoder.terraform.provider.testing.Terraform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged filesystem mirror, used the way a template author would: terraform launches the
 * provider itself (go-plugin handshake, AutoMTLS) and the provider reads its process environment.
 */
class LaunchedModeIT {

  private static final String VERSION = System.getProperty("coder.provider.version");
  private static final String MIRROR = System.getProperty("coder.provider.mirror");

  /**
   * Copies the packaged mirror (and the AOT cache next to it) into the test's directory: other
   * builds of this checkout may rewrite target/ while the test runs. Copies keep file times, which
   * the AOT cache checks.
   */
  static Path copyOfMirror(Path into) throws java.io.IOException {
    Path source = Path.of(MIRROR);
    for (Path from : List.of(source, source.resolveSibling("terraform-provider-coder-aot"))) {
      if (!Files.isDirectory(from)) {
        continue;
      }
      try (var paths = Files.walk(from)) {
        for (Path path : paths.toList()) {
          Path target = into.resolve(from.getFileName()).resolve(from.relativize(path).toString());
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return into.resolve(source.getFileName());
  }

  static String cliConfig(Path mirror) {
    return """
        provider_installation {
          filesystem_mirror {
            path    = "%s"
            include = ["registry.terraform.io/coder/coder"]
          }
          direct {
            exclude = ["registry.terraform.io/coder/coder"]
          }
        }
        """.formatted(mirror);
  }

  @Test
  void terraformInitPlanApplyAndDestroyFromTheFilesystemMirror(@TempDir Path dir, @TempDir Path copy)
      throws Exception {
    Path mirror = copyOfMirror(copy);
    assertThat(mirror.resolve(Path.of("registry.terraform.io/coder/coder", VERSION, "linux_amd64",
        "terraform-provider-coder_v" + VERSION))).isExecutable();
    String template = Templates.REQUIRED_PROVIDERS.replace("~> 2.0", ">= 2.0") + """
        data "coder_workspace" "me" {}
        data "coder_parameter" "size" {
          name    = "size"
          default = "small"
        }
        resource "coder_agent" "main" {
          arch = "amd64"
          os   = "linux"
        }
        resource "terraform_data" "workspace" {
          count = data.coder_workspace.me.start_count
          input = "${data.coder_workspace.me.name}-${data.coder_parameter.size.value}"
        }
        """;
    Terraform terraform = Terraform.in(dir, template, cliConfig(mirror), Map.of(
        "CODER_AGENT_URL", "http://127.0.0.1:3000",
        "CODER_AGENT_SCRIPT_linux_amd64", "fetch ${ACCESS_URL}bin/agent",
        "CODER_WORKSPACE_NAME", "launched",
        "CODER_PARAMETER_" + sha256("size"), "large"));

    Terraform.Result init = terraform.init();
    assertThat(init.stdout()).contains("Installing coder/coder v" + VERSION);
    assertThat(Files.readString(dir.resolve(".terraform.lock.hcl"))).contains("registry.terraform.io/coder/coder")
        .contains("version     = \"" + VERSION + "\"");

    assertThat(terraform.apply().exitCode()).isZero();
    Map<String, JsonNode> state = terraform.stateResources();
    assertThat(state.get("coder_agent.main").path("values").path("init_script").asText())
        .isEqualTo("fetch http://127.0.0.1:3000/bin/agent");
    assertThat(state.get("terraform_data.workspace[0]").path("values").path("output").asText())
        .isEqualTo("launched-large");

    assertThat(terraform.run("destroy", "-auto-approve", "-input=false", "-no-color").exitCode()).isZero();
  }

  private static String sha256(String text) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
