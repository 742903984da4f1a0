package dev.jcoder.terraform.provider.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.terraform.provider.ProviderEnvironment;
import dev.jcoder.terraform.provider.testing.HostedTerraform;
import dev.jcoder.terraform.provider.testing.Templates;
import dev.jcoder.terraform.provider.testing.Terraform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds running at the same time on one host each see only their own environment. */
class ConcurrentBuildsTest {

  private static final String TEMPLATE = Templates.REQUIRED_PROVIDERS + """
      data "coder_workspace" "me" {}
      data "coder_parameter" "size" {
        name    = "size"
        default = "small"
      }
      resource "coder_agent" "main" {
        arch = "amd64"
        os   = "linux"
      }
      output "who" {
        value = "${data.coder_workspace.me.name}/${data.coder_parameter.size.value}/${coder_agent.main.init_script}"
      }
      """;

  @Test
  void concurrentBuildsDoNotShareProviderState(@TempDir Path dir) throws Exception {
    try (CoderProviderHost host = CoderProviderHost.start();
        ExecutorService pool = Executors.newFixedThreadPool(3)) {
      List<Future<String>> outputs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String name = "ws" + i;
        outputs.add(pool.submit(() -> {
          try (HostedTerraform hosted = HostedTerraform.start(host, dir.resolve(name), TEMPLATE,
              ProviderEnvironment.builder()
                  .accessUrl("http://coder-" + name + ":3000")
                  .agentScript("linux", "amd64", "${ACCESS_URL}")
                  .workspace("00000000-0000-4000-8000-00000000000" + name.charAt(2), name)
                  .parameter("size", "size-" + name)
                  .build()
                  .variables())) {
            Terraform terraform = hosted.terraform();
            terraform.ok("apply", "-auto-approve", "-input=false", "-no-color");
            return terraform.ok("output", "-raw", "who").stdout();
          }
        }));
      }
      for (int i = 0; i < 3; i++) {
        assertThat(outputs.get(i).get()).isEqualTo("ws" + i + "/size-ws" + i + "/http://coder-ws" + i + ":3000/");
      }
      assertThat(host.runningProviders()).isZero();
    }
  }
}
