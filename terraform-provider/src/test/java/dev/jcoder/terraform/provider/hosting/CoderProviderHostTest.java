package dev.jcoder.terraform.provider.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoderProviderHostTest {

  @Test
  void reattachJsonNamesTheProviderAddressAndLoopbackPort() throws Exception {
    try (CoderProviderHost host = CoderProviderHost.start();
        HostedProvider provider = host.startProvider(Map.of())) {
      JsonNode json = new ObjectMapper().readTree(provider.reattachProviders());
      JsonNode entry = json.path("registry.terraform.io/coder/coder");

      assertThat(entry.path("Protocol").asText()).isEqualTo("grpc");
      assertThat(entry.path("ProtocolVersion").asInt()).isEqualTo(6);
      assertThat(entry.path("Test").asBoolean()).isTrue();
      assertThat(entry.path("Pid").asLong()).isEqualTo(ProcessHandle.current().pid());
      assertThat(entry.path("Addr").path("Network").asText()).isEqualTo("tcp");
      assertThat(entry.path("Addr").path("String").asText()).isEqualTo("127.0.0.1:" + port(provider));
      assertThat(provider.terraformEnvironment()).containsOnlyKeys("TF_REATTACH_PROVIDERS");
    }
  }

  @Test
  void eachBuildGetsItsOwnPortAndClosingStopsIt() throws Exception {
    try (CoderProviderHost host = CoderProviderHost.start()) {
      HostedProvider first = host.startProvider(Map.of("CODER_WORKSPACE_NAME", "one"));
      HostedProvider second = host.startProvider(Map.of("CODER_WORKSPACE_NAME", "two"));
      assertThat(port(first)).isNotEqualTo(port(second));
      assertThat(host.runningProviders()).isEqualTo(2);

      first.close();

      assertThat(host.runningProviders()).isEqualTo(1);
      assertThat(first.isClosed()).isTrue();
      assertThat(second.isClosed()).isFalse();
      try (Socket socket = new Socket("127.0.0.1", port(second))) {
        assertThat(socket.isConnected()).isTrue();
      }
    }
  }

  @Test
  void closingTheHostStopsEveryProviderAndRefusesNewOnes() throws IOException {
    CoderProviderHost host = CoderProviderHost.start();
    HostedProvider provider = host.startProvider(Map.of());

    host.close();

    assertThat(host.runningProviders()).isZero();
    assertThat(provider.isClosed()).isTrue();
    assertThatThrownBy(() -> host.startProvider(Map.of())).isInstanceOf(IllegalStateException.class);
  }

  private static int port(HostedProvider provider) {
    return ((HostedProvider.Address.Tcp) provider.address()).socketAddress().getPort();
  }
}
