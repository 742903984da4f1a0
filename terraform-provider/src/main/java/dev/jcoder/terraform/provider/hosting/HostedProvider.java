package dev.jcoder.terraform.provider.hosting;

import dev.jcoder.terraform.provider.CoderProvider;
import io.grpc.Server;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One build's provider instance, served on loopback inside the host JVM. Terraform attaches to it
 * through {@code TF_REATTACH_PROVIDERS}; with {@code "Test": true} Terraform neither stops it nor
 * kills the JVM, so it can serve every step of the build (init, plan, apply, show, destroy).
 */
public final class HostedProvider implements AutoCloseable {

  /** Where a provider listens: a loopback TCP port or a unix socket. */
  public sealed interface Address {
    /** go-plugin's network name: "tcp" or "unix". */
    String network();

    /** go-plugin's address string: "127.0.0.1:port" or the socket path. */
    String value();

    record Tcp(InetSocketAddress socketAddress) implements Address {
      @Override
      public String network() {
        return "tcp";
      }

      @Override
      public String value() {
        return socketAddress.getAddress().getHostAddress() + ":" + socketAddress.getPort();
      }
    }

    record Unix(Path path) implements Address {
      @Override
      public String network() {
        return "unix";
      }

      @Override
      public String value() {
        return path.toString();
      }
    }
  }

  private final Server server;
  private final Address address;
  private final Consumer<HostedProvider> onClose;

  HostedProvider(Server server, Address address, Consumer<HostedProvider> onClose) {
    this.server = Objects.requireNonNull(server);
    this.address = Objects.requireNonNull(address);
    this.onClose = Objects.requireNonNull(onClose);
  }

  /** The address the provider listens on. */
  public Address address() {
    return address;
  }

  /** The exact value for terraform's {@code TF_REATTACH_PROVIDERS} variable. */
  public String reattachProviders() {
    return "{\"" + CoderProvider.ADDRESS + "\":{\"Protocol\":\"grpc\",\"ProtocolVersion\":6,\"Pid\":"
        + ProcessHandle.current().pid() + ",\"Test\":true,\"Addr\":{\"Network\":\"" + address.network()
        + "\",\"String\":" + jsonString(address.value()) + "}}}";
  }

  private static String jsonString(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  /** The variables to add to terraform's environment: just {@code TF_REATTACH_PROVIDERS}. */
  public Map<String, String> terraformEnvironment() {
    return Map.of("TF_REATTACH_PROVIDERS", reattachProviders());
  }

  /** True once the provider has stopped serving and released its port. */
  public boolean isClosed() {
    return server.isTerminated();
  }

  /** Stops serving; in-flight calls are cancelled. Idempotent. */
  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (address instanceof Address.Unix unix) {
      try {
        Files.deleteIfExists(unix.path());
      } catch (IOException e) {
        // A stale socket file in the provisioner's private directory is harmless.
      }
    }
    onClose.accept(this);
  }
}
