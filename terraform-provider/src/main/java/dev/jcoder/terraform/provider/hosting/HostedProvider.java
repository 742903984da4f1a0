package dev.jcoder.terraform.provider.hosting;

import dev.jcoder.terraform.provider.CoderProvider;
import io.grpc.Server;
import java.net.InetSocketAddress;
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

  private final Server server;
  private final InetSocketAddress address;
  private final Consumer<HostedProvider> onClose;

  HostedProvider(Server server, InetSocketAddress address, Consumer<HostedProvider> onClose) {
    this.server = Objects.requireNonNull(server);
    this.address = Objects.requireNonNull(address);
    this.onClose = Objects.requireNonNull(onClose);
  }

  /** The loopback address the provider listens on. */
  public InetSocketAddress address() {
    return address;
  }

  /** The exact value for terraform's {@code TF_REATTACH_PROVIDERS} variable. */
  public String reattachProviders() {
    return "{\"" + CoderProvider.ADDRESS + "\":{\"Protocol\":\"grpc\",\"ProtocolVersion\":6,\"Pid\":"
        + ProcessHandle.current().pid() + ",\"Test\":true,\"Addr\":{\"Network\":\"tcp\",\"String\":\""
        + address.getAddress().getHostAddress() + ":" + address.getPort() + "\"}}}";
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
    onClose.accept(this);
  }
}
