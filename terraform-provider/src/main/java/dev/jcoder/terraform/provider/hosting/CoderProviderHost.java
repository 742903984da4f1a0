package dev.jcoder.terraform.provider.hosting;

import dev.jcoder.terraform.provider.BuildEnvironment;
import dev.jcoder.terraform.provider.server.ProviderService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@code coder/coder} provider instances inside this JVM, one per build.
 *
 * <p>Usage (one host per process, one provider per build):
 *
 * <pre>{@code
 * try (CoderProviderHost host = CoderProviderHost.start()) {
 *   try (HostedProvider provider = host.startProvider(Map.of(
 *       "CODER_AGENT_URL", "https://coder.example.com",
 *       "CODER_WORKSPACE_TRANSITION", "start"))) {
 *     processBuilder.environment().putAll(provider.terraformEnvironment());
 *     // run terraform init/plan/apply/show with that environment
 *   }
 * }
 * }</pre>
 *
 * <p>The event loops are shared by all providers of a host, so starting one costs a socket bind
 * (well under a millisecond once warm). Thread-safe.
 */
public final class CoderProviderHost implements AutoCloseable {

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ExecutorService executor;
  private final Set<HostedProvider> running = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private CoderProviderHost() {
    // NIO rather than epoll: no native library to extract, and a prompt shutdown.
    this.boss = new NioEventLoopGroup(1);
    this.workers = new NioEventLoopGroup(2);
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
  }

  /** Starts a host with its own event loops; close it to stop every provider it started. */
  public static CoderProviderHost start() {
    return new CoderProviderHost();
  }

  /**
   * Starts a provider for one build on a loopback port.
   *
   * @param environment the build's provider environment (CODER_AGENT_URL, CODER_WORKSPACE_*,
   *     CODER_WORKSPACE_OWNER_*, CODER_PARAMETER_*, ...), exactly what a launched provider would
   *     read from its process environment
   * @return the running provider; put {@link HostedProvider#terraformEnvironment()} into that
   *     build's terraform environment and close the provider when the build ends
   */
  public HostedProvider startProvider(Map<String, String> environment) {
    if (closed) {
      throw new IllegalStateException("The provider host is closed.");
    }
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .bossEventLoopGroup(boss)
        .workerEventLoopGroup(workers)
        .channelType(NioServerSocketChannel.class)
        .executor(executor)
        .addService(new ProviderService(BuildEnvironment.of(environment)))
        .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the coder provider on a loopback port.", e);
    }
    InetSocketAddress address = (InetSocketAddress) server.getListenSockets().getFirst();
    HostedProvider provider = new HostedProvider(server, address, running::remove);
    running.add(provider);
    return provider;
  }

  /** Providers started and not yet closed. */
  public int runningProviders() {
    return running.size();
  }

  @Override
  public void close() {
    closed = true;
    for (HostedProvider provider : Set.copyOf(running)) {
      provider.close();
    }
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    executor.shutdownNow();
  }
}
