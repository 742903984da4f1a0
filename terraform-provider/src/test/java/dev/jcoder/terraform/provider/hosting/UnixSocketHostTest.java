package dev.jcoder.terraform.provider.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcoder.terraform.provider.testing.HostedTerraform;
import dev.jcoder.terraform.provider.testing.Templates;
import dev.jcoder.terraform.provider.testing.Terraform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Providers on unix sockets (0600), which only the provisioner's user can reach. */
class UnixSocketHostTest {

  @Test
  void terraformAttachesThroughAPrivateUnixSocket(@TempDir Path sockets, @TempDir Path dir) throws Exception {
    try (CoderProviderHost host = CoderProviderHost.startWithUnixSockets(sockets.resolve("s"));
        HostedTerraform hosted = HostedTerraform.start(host, dir, Templates.REQUIRED_PROVIDERS + """
            data "coder_workspace" "me" {}
            resource "coder_agent" "main" {
              arch = "amd64"
              os   = "linux"
            }
            """, Map.of("CODER_WORKSPACE_NAME", "via-socket"))) {
      Path socket = ((HostedProvider.Address.Unix) hosted.provider().address()).path();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
          .isEqualTo("rwx------");
      JsonNode addr = new ObjectMapper().readTree(hosted.provider().reattachProviders())
          .path("registry.terraform.io/coder/coder").path("Addr");
      assertThat(addr.path("Network").asText()).isEqualTo("unix");
      assertThat(addr.path("String").asText()).isEqualTo(socket.toString());

      Terraform terraform = hosted.terraform();
      assertThat(terraform.apply().exitCode()).isZero();
      assertThat(terraform.stateResources().get("data.coder_workspace.me").path("values").path("name").asText())
          .isEqualTo("via-socket");

      hosted.provider().close();
      assertThat(socket).doesNotExist();
    }
  }
}
