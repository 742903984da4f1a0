package dev.jcoder.terraform.provider.hosting;

import dev.jcoder.terraform.provider.BuildEnvironment;
import dev.jcoder.terraform.provider.server.ProviderService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
 *
 * <p>{@link #start()} listens on loopback TCP, which any local user can reach while a build runs;
 * {@link #startWithUnixSockets(Path)} listens on unix sockets with mode 0600 instead (Linux), so
 * only the provisioner's own user can talk to a build's provider.
 */
public final class CoderProviderHost implements AutoCloseable {

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ExecutorService executor;
  private final Optional<Path> socketDirectory;
  private final Set<HostedProvider> running = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private CoderProviderHost(Optional<Path> socketDirectory) {
    this.socketDirectory = socketDirectory;
    if (socketDirectory.isPresent()) {
      // Unix sockets need Netty's native epoll transport (bundled for linux x86_64 and aarch64).
      this.boss = new EpollEventLoopGroup(1);
      this.workers = new EpollEventLoopGroup(2);
    } else {
      // NIO rather than epoll: no native library to extract, and a prompt shutdown.
      this.boss = new NioEventLoopGroup(1);
      this.workers = new NioEventLoopGroup(2);
    }
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
  }

  /** Starts a host whose providers listen on loopback TCP; close it to stop every provider it started. */
  public static CoderProviderHost start() {
    return new CoderProviderHost(Optional.empty());
  }

  /**
   * Starts a host whose providers listen on unix sockets (mode 0600) in {@code directory}, which is
   * created with mode 0700 if needed. Keep the path short: socket paths are limited to 107 bytes.
   *
   * @throws IllegalStateException when the native epoll transport is not available (not Linux)
   */
  public static CoderProviderHost startWithUnixSockets(Path directory) {
    if (!Epoll.isAvailable()) {
      throw new IllegalStateException("Unix sockets need Netty's epoll transport, which is not available here.",
          Epoll.unavailabilityCause());
    }
    try {
      Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the provider socket directory " + directory + ".", e);
    }
    return new CoderProviderHost(Optional.of(directory));
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
    Optional<Path> socket = socketDirectory.map(d -> d.resolve("coder-" + UUID.randomUUID().toString().substring(0, 8) + ".sock"));
    NettyServerBuilder builder = socket.isPresent()
        ? NettyServerBuilder.forAddress(new DomainSocketAddress(socket.get().toFile()))
            .channelType(EpollServerDomainSocketChannel.class)
        : NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .channelType(NioServerSocketChannel.class);
    Server server = builder
        .bossEventLoopGroup(boss)
        .workerEventLoopGroup(workers)
        .executor(executor)
        .addService(new ProviderService(BuildEnvironment.of(environment)))
        .build();
    try {
      server.start();
      if (socket.isPresent()) {
        Files.setPosixFilePermissions(socket.get(), PosixFilePermissions.fromString("rw-------"));
      }
    } catch (IOException e) {
      server.shutdownNow();
      throw new UncheckedIOException("Could not start the coder provider.", e);
    }
    HostedProvider.Address address = socket.<HostedProvider.Address>map(HostedProvider.Address.Unix::new)
        .orElseGet(() -> new HostedProvider.Address.Tcp((InetSocketAddress) server.getListenSockets().getFirst()));
    HostedProvider provider = new HostedProvider(server, address, running::remove);
    running.add(provider);
    return provider;
  }

  /** {@link #startProvider(Map)} with an environment from {@link dev.jcoder.terraform.provider.ProviderEnvironment}. */
  public HostedProvider startProvider(BuildEnvironment environment) {
    return startProvider(environment.variables());
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
