import dev.jcoder.tunnel.service.ServiceHeaders;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.transport.ByteStreamTransport;
import dev.jcoder.tunnel.transport.DelayedTransport;
import dev.jcoder.tunnel.transport.JavalinTunnelServer;
import dev.jcoder.tunnel.transport.JdkWebSocketTransport;
import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.SessionConfig;
import dev.jcoder.tunnel.yamux.Stream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Tunnel benchmark over a real loopback WebSocket, then over raw TCP and a simulated WAN: coderd's side is Javalin/Jetty (server role),
 * the agent's side the JDK WebSocket client (client role), both in this JVM. Prints throughput
 * of one stream and of 8 concurrent streams in both directions, and 64-byte ping-pong latency.
 *
 * Upload = coderd → agent (Jetty sends, JDK client reads); download = agent → coderd (the JDK
 * client masks, Jetty unmasks). The agent here is a minimal acceptor: "speedtest" streams either
 * discard what they read and answer one byte at the end, or send the requested bytes; "tcp"
 * streams echo (no socket behind them), which the latency test uses.
 *
 * Usage: java -cp ... TunnelBench.java [MiB per single-stream run, default 512]
 */
public class TunnelBench {
    private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 512;
        SessionConfig config = SessionConfig.defaults();
        try (JavalinTunnelServer server = JavalinTunnelServer.start(config);
                HttpClient http = HttpClient.newHttpClient()) {
            JdkWebSocketTransport transport = JdkWebSocketTransport
                    .connect(http, server.uri(), Map.of(), Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
            Session agent = Session.client(transport, config);
            Session coderd = server.nextSession();
            THREADS.submit(() -> acceptLoop(agent));

            System.out.printf("tunnel benchmark: loopback WebSocket (Javalin server, JDK client), %d cores, Java %s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version());
            System.out.printf("windows %d KiB..%d KiB, messages %d KiB%n", config.initialStreamWindow() / 1024,
                    config.maxStreamWindow() / 1024, config.maxMessageSize() / 1024);

            // Warm-up: the first few hundred MB after a JVM start run at about half speed (JIT).
            throughput(coderd, 1, Math.max(64, mib / 2), true);
            throughput(coderd, 1, Math.max(64, mib / 2), false);
            pingPong(coderd, 2000);

            figures(coderd, mib);
            System.out.printf("yamux PING round trip: %d µs%n", coderd.ping().get().toNanos() / 1000);
            coderd.close();
            agent.terminated().get(10, TimeUnit.SECONDS);

            // The same over a raw TCP connection (no WebSocket framing or masking), for comparison.
            try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    Socket dialled = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                    Socket accepted = listener.accept()) {
                Session rawAgent = Session.client(ByteStreamTransport.of(dialled), config);
                Session rawCoderd = Session.server(ByteStreamTransport.of(accepted), config);
                THREADS.submit(() -> acceptLoop(rawAgent));
                throughput(rawCoderd, 1, Math.max(64, mib / 2), true);
                System.out.println("-- raw TCP, no WebSocket (the HTTP Upgrade idea):");
                figures(rawCoderd, mib);
                rawCoderd.close();
                rawAgent.terminated().get(10, TimeUnit.SECONDS);
            }

            // WAN: the agent's inbound is delayed 20 ms (RTT ≈ 20 ms); window/RTT caps throughput.
            long wanMib = Math.max(16, mib / 8);
            report("20 ms RTT, 1 stream upload, window fixed 256 KiB   ",
                    wanUpload(server, http, config.withWindows(256 * 1024, 256 * 1024), wanMib));
            report("20 ms RTT, 1 stream upload, window auto (max 4 MiB)",
                    wanUpload(server, http, config, wanMib));
        } finally {
            THREADS.shutdownNow();
        }
    }

    private static void figures(Session coderd, long mib) throws Exception {
        report("1 stream   upload  ", throughput(coderd, 1, mib, true));
        report("1 stream   download", throughput(coderd, 1, mib, false));
        report("8 streams  upload  ", throughput(coderd, 8, mib / 4, true));
        report("8 streams  download", throughput(coderd, 8, mib / 4, false));
        long[] rounds = pingPong(coderd, 10_000);
        Arrays.sort(rounds);
        System.out.printf("ping-pong 64 B, %d rounds: p50 %d µs, p99 %d µs, max %d µs%n", rounds.length,
                rounds[rounds.length / 2] / 1000, rounds[rounds.length * 99 / 100] / 1000,
                rounds[rounds.length - 1] / 1000);
    }

    private static Result wanUpload(JavalinTunnelServer server, HttpClient http, SessionConfig agentConfig, long mib)
            throws Exception {
        JdkWebSocketTransport transport = JdkWebSocketTransport
                .connect(http, server.uri(), Map.of(), Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
        DelayedTransport delayed = new DelayedTransport(transport, Duration.ofMillis(20));
        Session agent = Session.client(delayed, agentConfig);
        Session coderd = server.nextSession();
        THREADS.submit(() -> acceptLoop(agent));
        agent.ping().get(10, TimeUnit.SECONDS); // the window grows only once the RTT is known
        Result result = throughput(coderd, 1, mib, true);
        coderd.close();
        agent.terminated().get(10, TimeUnit.SECONDS);
        return result;
    }

    private record Result(long bytes, long nanos) {
    }

    private static void report(String label, Result r) {
        double seconds = r.nanos() / 1e9;
        System.out.printf("%s %8.1f MB/s  (%d MiB in %.2f s)%n", label, r.bytes() / 1e6 / seconds,
                r.bytes() >> 20, seconds);
    }

    /** Moves {@code mibPerStream} MiB on each of {@code streams} streams at once; timed until the last byte is confirmed. */
    private static Result throughput(Session coderd, int streams, long mibPerStream, boolean upload) throws Exception {
        long bytes = mibPerStream << 20;
        List<Future<?>> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < streams; i++) {
            runs.add(THREADS.submit(() -> {
                Stream stream = coderd.open();
                ServiceHeaders.connect(stream, new ServiceRequest.Speedtest(upload ? 0 : bytes));
                if (upload) {
                    byte[] block = new byte[64 * 1024];
                    for (long left = bytes; left > 0; left -= block.length) {
                        stream.write(block, 0, (int) Math.min(block.length, left));
                    }
                    stream.closeWrite();
                    stream.inputStream().readAllBytes(); // the agent's one-byte confirmation, then EOF
                } else {
                    stream.closeWrite();
                    long got = stream.inputStream().transferTo(OutputStream.nullOutputStream());
                    if (got != bytes) {
                        throw new IOException("short download: " + got);
                    }
                }
                stream.close();
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        return new Result(bytes * streams, System.nanoTime() - start);
    }

    /** 64-byte messages echoed by the agent on one stream; returns each round trip in ns. */
    private static long[] pingPong(Session coderd, int rounds) throws Exception {
        Stream stream = coderd.open();
        ServiceHeaders.connect(stream, ServiceRequest.Tcp.loopback(7));
        byte[] message = new byte[64];
        long[] times = new long[rounds];
        InputStream in = stream.inputStream();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            stream.write(message, 0, message.length);
            if (in.readNBytes(message, 0, 64) != 64) {
                throw new IOException("echo ended early");
            }
            times[i] = System.nanoTime() - start;
        }
        stream.close();
        return times;
    }

    private static Void acceptLoop(Session agent) {
        try {
            while (true) {
                Stream stream = agent.accept();
                THREADS.submit(() -> serve(stream));
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static Void serve(Stream stream) throws IOException {
        ServiceRequest request = ServiceHeaders.readRequest(stream.inputStream());
        ServiceHeaders.accept(stream);
        switch (request) {
            case ServiceRequest.Speedtest s when s.downloadBytes() == 0 -> {
                stream.inputStream().transferTo(OutputStream.nullOutputStream());
                stream.write(new byte[] {1}, 0, 1);
            }
            case ServiceRequest.Speedtest s -> {
                byte[] block = new byte[64 * 1024];
                for (long left = s.downloadBytes(); left > 0; left -= block.length) {
                    stream.write(block, 0, (int) Math.min(block.length, left));
                }
            }
            default -> {
                byte[] buffer = new byte[64 * 1024];
                InputStream in = stream.inputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    stream.write(buffer, 0, n);
                }
            }
        }
        stream.closeWrite();
        return null;
    }
}
