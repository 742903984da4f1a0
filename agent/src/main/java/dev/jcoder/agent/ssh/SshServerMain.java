package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the SSH server alone, for benchmarks and manual checks (the agent's own main embeds
 * {@link AgentSshServer} instead). Arguments: {@code [--port N] [--host-key FILE] [--motd FILE]
 * [--env NAME=VALUE]... [--bridge-port N]}. Prints {@code listening on 127.0.0.1:PORT} once it
 * accepts connections and stops on SIGINT/SIGTERM.
 *
 * <p>{@code --bridge-port} also accepts TCP connections on that loopback port and hands each to
 * {@link AgentSshServer#serve} as a pair of streams, the way the tunnel does, so the stream path
 * can be measured against the direct one. It prints {@code bridge on 127.0.0.1:PORT}.
 */
public final class SshServerMain {
    private SshServerMain() {
    }

    public static void main(String[] args) throws Exception {
        SshServerConfig.Builder config = SshServerConfig.builder();
        int bridgePort = -1;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--port" -> config.port(Integer.parseInt(value));
                case "--host-key" -> config.hostKeyFile(Path.of(value));
                case "--motd" -> config.motdFile(Path.of(value));
                case "--bridge-port" -> bridgePort = Integer.parseInt(value);
                case "--env" -> {
                    int equals = value.indexOf('=');
                    config.putEnvironment(value.substring(0, equals), value.substring(equals + 1));
                }
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; expected --port, --host-key, --motd, --env or --bridge-port.");
            }
            i++;
        }
        AgentSshServer server = AgentSshServer.create(config.build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        server.start();
        System.out.println("listening on " + AgentSshServer.LISTEN_HOST + ":" + server.port());
        if (bridgePort >= 0) {
            ServerSocket bridge = new ServerSocket(bridgePort, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().name("ssh-bridge-accept").start(() -> bridge(bridge, server));
            System.out.println("bridge on " + AgentSshServer.LISTEN_HOST + ":" + bridge.getLocalPort());
        }
        System.out.flush();
        stopped.await();
    }

    private static void bridge(ServerSocket bridge, AgentSshServer server) {
        while (true) {
            try {
                Socket socket = bridge.accept();
                socket.setTcpNoDelay(true);
                server.serve(socket.getInputStream(), socket.getOutputStream(), () -> closeQuietly(socket));
            } catch (IOException | IllegalStateException e) {
                return; // the server or the bridge closed
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
