package dev.jcoder.cli.connect;

import dev.jcoder.tunnel.pump.BytePump;
import dev.jcoder.tunnel.pump.Duplex;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.yamux.Stream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.channel.PtyCapableChannelSession;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;

/**
 * {@code coder ssh}'s own SSH client (MINA): one SSH connection over one tunnel stream, then a
 * shell or a command, with or without a PTY. MINA's client wants a socket, so the stream is
 * bridged through a one-shot listener on the loopback interface. The agent's host key is not
 * checked: coderd authenticated the agent, and the tunnel to coderd is the user's TLS connection.
 */
final class BuiltInSshClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What to run and how. */
    record Request(Optional<String> command, boolean pty, String term, Map<String, String> env,
            List<RemoteForward> remoteForwards) {}

    /** {@code -R [bind:]port:host:hostport}: the workspace's {@code port} forwarded to {@code host:hostport} here. */
    record RemoteForward(String bind, int remotePort, String localHost, int localPort) {
        static RemoteForward parse(String spec) {
            String[] parts = spec.strip().split(":");
            try {
                return switch (parts.length) {
                    case 3 -> new RemoteForward("localhost", Integer.parseInt(parts[0]), parts[1], Integer.parseInt(parts[2]));
                    case 4 -> new RemoteForward(parts[0], Integer.parseInt(parts[1]), parts[2], Integer.parseInt(parts[3]));
                    default -> throw new NumberFormatException();
                };
            } catch (NumberFormatException e) {
                throw new dev.jcoder.cli.CliException("Invalid remote forward \"" + spec
                        + "\": use [bind_address:]remote_port:local_host:local_port.");
            }
        }
    }

    private final SshClient client;
    private final ServerSocket bridge;
    private final ClientSession session;

    private BuiltInSshClient(SshClient client, ServerSocket bridge, ClientSession session) {
        this.client = client;
        this.bridge = bridge;
        this.session = session;
    }

    static BuiltInSshClient connect(ClientTunnel tunnel, String user) throws IOException {
        Stream stream = tunnel.open(new ServiceRequest.Ssh());
        ServerSocket bridge = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("ssh-bridge").start(() -> {
            try (bridge) {
                Socket socket = bridge.accept();
                socket.setTcpNoDelay(true);
                BytePump.start(Duplex.of(socket), Duplex.of(stream));
            } catch (IOException e) {
                stream.reset();
            }
        });
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        client.start();
        try {
            ClientSession session = client.connect(user, bridge.getInetAddress().getHostAddress(), bridge.getLocalPort())
                    .verify(TIMEOUT).getSession();
            session.addPasswordIdentity("coder"); // the agent accepts any credentials: coderd authorized us
            session.auth().verify(TIMEOUT);
            return new BuiltInSshClient(client, bridge, session);
        } catch (IOException | RuntimeException e) {
            client.stop();
            bridge.close();
            throw e;
        }
    }

    /**
     * Runs the request with {@code in} → remote stdin (read on a platform thread: terminal reads
     * block natively), remote stdout/stderr → {@code out}/{@code err}; returns the exit status.
     */
    int run(Request request, InputStream in, OutputStream out, OutputStream err, Runnable onPtyReady) throws IOException {
        for (RemoteForward forward : request.remoteForwards()) {
            session.startRemotePortForwarding(new SshdSocketAddress(forward.bind(), forward.remotePort()),
                    new SshdSocketAddress(forward.localHost(), forward.localPort()));
        }
        PtyCapableChannelSession channel = request.command().isPresent()
                ? session.createExecChannel(request.command().get())
                : session.createShellChannel();
        channel.setUsePty(request.pty());
        if (request.pty()) {
            int[] size = LocalTerminal.size();
            channel.setPtyType(request.term());
            channel.setPtyLines(size[0]);
            channel.setPtyColumns(size[1]);
        }
        request.env().forEach(channel::setEnv);
        channel.setOut(out);
        channel.setErr(request.pty() ? out : err);
        channel.open().verify(TIMEOUT);
        if (request.pty()) {
            onPtyReady.run();
            LocalTerminal.onResize(() -> {
                int[] size = LocalTerminal.size();
                try {
                    channel.sendWindowChange(size[1], size[0]);
                } catch (IOException e) {
                    // the session is ending
                }
            });
        }
        OutputStream remoteIn = channel.getInvertedIn();
        Thread input = Thread.ofPlatform().daemon().name("ssh-stdin").start(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    remoteIn.write(buffer, 0, n);
                    remoteIn.flush();
                }
                remoteIn.close(); // EOF to the remote side
            } catch (IOException e) {
                // the channel closed
            }
        });
        channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), 0L);
        input.interrupt();
        out.flush();
        err.flush();
        Integer status = channel.getExitStatus();
        if (status != null) {
            return status;
        }
        return 255; // ended by a signal or without a status, as OpenSSH reports it
    }

    @Override
    public void close() {
        try {
            session.close(true);
        } finally {
            client.stop();
            try {
                bridge.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }
}
