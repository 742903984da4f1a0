package dev.jcoder.terraform.provider.launch;

import dev.jcoder.terraform.provider.BuildEnvironment;
import dev.jcoder.terraform.provider.hosting.CoderProviderHost;
import dev.jcoder.terraform.provider.hosting.HostedProvider;
import dev.jcoder.terraform.provider.protocol.goplugin.GRPCControllerGrpc;
import dev.jcoder.terraform.provider.protocol.goplugin.GoPlugin;
import dev.jcoder.terraform.provider.server.ProviderService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The provider as Terraform launches it: speaks go-plugin's handshake and serves tfplugin6 over
 * mTLS on loopback, reading the build's values from the process environment.
 *
 * <p>With {@code --reattach} (and no Terraform around) it instead serves plaintext like a hosted
 * provider and prints a {@code TF_REATTACH_PROVIDERS=...} line, for debugging templates by hand.
 */
public final class LaunchedProvider {

  /** go-plugin's handshake cookie for Terraform providers. */
  static final String MAGIC_COOKIE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

  private LaunchedProvider() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("--reattach") || args[0].equals("-debug"))) {
      serveReattach();
      return;
    }
    if (args.length > 0 && args[0].equals("--train")) {
      // Build time only: a normal exit lets the JVM write the AOT cache (-XX:AOTCacheOutput).
      TrainingRun.run();
      System.exit(0);
    }
    Map<String, String> env = System.getenv();
    if (!MAGIC_COOKIE.equals(env.get("TF_PLUGIN_MAGIC_COOKIE"))) {
      System.err.println("This binary is a plugin. These are not meant to be executed directly.\n"
          + "Please execute the program that consumes these plugins, which will load any plugins automatically.\n"
          + "(Or run it with --reattach to serve it for TF_REATTACH_PROVIDERS.)");
      System.exit(1);
    }
    String versions = env.getOrDefault("PLUGIN_PROTOCOL_VERSIONS", "6");
    if (!java.util.Arrays.asList(versions.split(",")).contains("6")) {
      System.err.println("The coder provider speaks plugin protocol 6 only; Terraform offered " + versions + ".");
      System.exit(1);
    }
    serveLaunched(env);
  }

  /** A started launched-mode server: its address and certificate, and how to stop it. */
  record Served(Server server, InetSocketAddress address, SelfSignedCertificate certificate,
      EventLoopGroup boss, EventLoopGroup workers, CountDownLatch shutdown) {

    /** Stops quickly: HotSpot's exit waits for threads "in native" (the selectors) unless the loops are gone. */
    void stop() throws InterruptedException {
      server.shutdownNow();
      boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      boss.awaitTermination(200, TimeUnit.MILLISECONDS);
      workers.awaitTermination(200, TimeUnit.MILLISECONDS);
    }
  }

  private static void serveLaunched(Map<String, String> env) throws Exception {
    PrintStream stdout = System.out;
    // Anything printed by libraries must not land on stdout, where go-plugin reads the handshake.
    System.setOut(System.err);
    Served served = serve(env);
    String cert = Base64.getEncoder().withoutPadding().encodeToString(served.certificate().der());
    stdout.println("1|6|tcp|127.0.0.1:" + served.address().getPort() + "|grpc|" + cert);
    stdout.flush();

    served.shutdown().await();
    // go-plugin kills the process 2 s after Shutdown; halt skips the shutdown hooks nobody needs.
    served.stop();
    Runtime.getRuntime().halt(0);
  }

  /** Starts the mTLS server that go-plugin talks to, with the build's environment. */
  static Served serve(Map<String, String> env) throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.generate();
    SslContextBuilder ssl = SslContextBuilder.forServer(certificate.keyPair().getPrivate(), certificate.certificate());
    String clientPem = env.get("PLUGIN_CLIENT_CERT");
    if (clientPem != null && !clientPem.isBlank()) {
      X509Certificate client = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(clientPem.getBytes(StandardCharsets.US_ASCII)));
      ssl.trustManager(client).clientAuth(ClientAuth.REQUIRE);
    }
    // The JDK provider, not BoringSSL: Go's P-521 client certificate is only offered to it.
    SslContext sslContext = GrpcSslContexts.configure(ssl, SslProvider.JDK).build();

    EventLoopGroup boss = new NioEventLoopGroup(1);
    EventLoopGroup workers = new NioEventLoopGroup(2);
    CountDownLatch shutdown = new CountDownLatch(1);
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .bossEventLoopGroup(boss)
        .workerEventLoopGroup(workers)
        .channelType(NioServerSocketChannel.class)
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .sslContext(sslContext)
        .addService(new ProviderService(BuildEnvironment.of(env)))
        .addService(new Controller(shutdown))
        .build()
        .start();
    InetSocketAddress address = (InetSocketAddress) server.getListenSockets().getFirst();
    return new Served(server, address, certificate, boss, workers, shutdown);
  }

  private static void serveReattach() throws InterruptedException {
    CoderProviderHost host = CoderProviderHost.start();
    HostedProvider provider = host.startProvider(System.getenv());
    System.out.println("TF_REATTACH_PROVIDERS='" + provider.reattachProviders() + "'");
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(host::close));
    new CountDownLatch(1).await();
  }

  /** go-plugin's controller: Terraform calls Shutdown when it is done with the plugin. */
  private static final class Controller extends GRPCControllerGrpc.GRPCControllerImplBase {
    private final CountDownLatch shutdown;

    Controller(CountDownLatch shutdown) {
      this.shutdown = shutdown;
    }

    @Override
    public void shutdown(GoPlugin.Empty request, StreamObserver<GoPlugin.Empty> out) {
      out.onNext(GoPlugin.Empty.getDefaultInstance());
      out.onCompleted();
      shutdown.countDown();
    }
  }
}
