package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.nativefs.NativeFileSystemFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.DirectTcpipFactory;

/**
 * The workspace agent's SSH server: an Apache MINA SSHD server on {@code 127.0.0.1} that gives
 * shells (with PTYs), commands, SFTP, SCP, port forwarding and agent forwarding, all as the agent's
 * OS user.
 *
 * <p>It authenticates nobody: coderd authorizes the user before it opens a tunnel stream, and the
 * loopback port is reachable only from inside the workspace, where the user already runs code as
 * this user. Any user name is accepted, with any key or none (see {@link OpenAuthentication}).
 *
 * <p>Life cycle: {@link #create} builds it, {@link #start()} binds the port, {@link #close()} closes
 * every connection, hangs up every session's processes and stops every thread the server started.
 *
 * <p>The agent's tunnel hands each SSH stream to {@link #serve} (no extra hop), or connects it to
 * {@link #port()} on loopback; both paths behave the same.
 */
public final class AgentSshServer implements AutoCloseable {
    /** The only address the server listens on; the tunnel is the way in from outside. */
    public static final String LISTEN_HOST = "127.0.0.1";

    /** Pending TCP connections the kernel may queue before the server accepts them. */
    static final int LISTEN_BACKLOG = 1024;

    /** The receive window the server grants each channel. */
    static final long CHANNEL_WINDOW_BYTES = 4L * 1024 * 1024;

    private final SshServer sshd;
    private final SshStats stats;
    private final KeyPair hostKey;
    private final StreamSessions streams;

    private AgentSshServer(SshServer sshd, SshStats stats, KeyPair hostKey) {
        this.sshd = sshd;
        this.stats = stats;
        this.hostKey = hostKey;
        this.streams = new StreamSessions(sshd.getSessionFactory());
    }

    /** Builds a server from {@code config}; loads or creates the host key now, binds nothing yet. */
    public static AgentSshServer create(SshServerConfig config) {
        Objects.requireNonNull(config, "config");
        SshStats stats = new SshStats();
        KeyPair hostKey = HostKeys.load(config.hostKeyFile());
        UserAccount account = UserAccount.current(config.shell());
        SessionSettings settings = SessionSettings.of(config, account);
        SessionCommandFactory commands = new SessionCommandFactory(settings);

        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost(LISTEN_HOST);
        sshd.setPort(config.port());
        sshd.setKeyPairProvider(HostKeys.provider(hostKey));
        CryptoDefaults.apply(sshd);

        OpenAuthentication.apply(sshd);

        sshd.setChannelFactories(List.of(new AgentChannelSession.Factory(stats), DirectTcpipFactory.INSTANCE));
        sshd.setShellFactory(commands);
        sshd.setCommandFactory(commands);
        sshd.setSubsystemFactories(List.of(new HomeSftpSubsystemFactory(account.home())));
        sshd.setFileSystemFactory(new NativeFileSystemFactory());
        sshd.setForwardingFilter(new ForwardingPolicy());
        sshd.setAgentFactory(new AgentForwarding());
        sshd.setSessionFactory(new CountingSessionFactory(sshd, stats));
        sshd.addSessionListener(new ConnectionCounter(stats));

        // Idle SSH sessions are normal (an open editor, a shell left open over lunch); keepalives
        // are the client's business, so MINA's 10-minute idle and read timeouts are turned off.
        CoreModuleProperties.IDLE_TIMEOUT.set(sshd, Duration.ZERO);
        CoreModuleProperties.NIO2_READ_TIMEOUT.set(sshd, Duration.ZERO);
        // Through the tunnel, throughput per channel is at most window / round-trip time; 2 MiB (the
        // default) allows ~100 MB/s at 20 ms. 4 MiB keeps uploads fast over a WAN; the memory is only
        // used while a consumer is slower than its producer.
        CoreModuleProperties.WINDOW_SIZE.set(sshd, CHANNEL_WINDOW_BYTES);
        // MINA's default backlog (the JDK's 50) overflowed when 200 clients connected at once, and
        // the kernel reset some of them; sshd uses 128.
        CoreModuleProperties.SOCKET_BACKLOG.set(sshd, LISTEN_BACKLOG);
        return new AgentSshServer(sshd, stats, hostKey);
    }

    /** Binds the loopback port and starts accepting connections. */
    public void start() throws IOException {
        sshd.start();
    }

    /** The bound port; valid after {@link #start()}. */
    public int port() {
        for (SocketAddress address : sshd.getBoundAddresses()) {
            if (address instanceof InetSocketAddress inet) {
                return inet.getPort();
            }
        }
        throw new IllegalStateException("The SSH server is not listening; call start() first.");
    }

    /** Live session and byte counters for the agent's stats reporter. */
    public SshStats stats() {
        return stats;
    }

    /** The host's public key as an OpenSSH {@code authorized_keys}/{@code known_hosts} entry. */
    public String hostPublicKey() {
        try {
            return PublicKeyEntry.toString(hostKey.getPublic());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The host key cannot be encoded.", e);
        }
    }

    /**
     * Serves one SSH connection over a stream the caller already holds, such as a tunnel stream,
     * without the loopback TCP hop. The server reads {@code input} until it ends and writes to
     * {@code output}, each from its own virtual thread, so both may block (they must not need a
     * platform thread, as native file I/O would). When the connection ends, for whatever reason,
     * {@code closeStream} runs once; then the returned future completes. Requires {@link #start()}.
     *
     * @param input       bytes from the SSH client
     * @param output      bytes to the SSH client; flushed whenever no more packets are queued
     * @param closeStream releases the stream (for example closes or resets the tunnel stream)
     * @return completes when the connection has ended and {@code closeStream} has run
     */
    public CompletableFuture<Void> serve(InputStream input, OutputStream output, Runnable closeStream) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(closeStream, "closeStream");
        if (!sshd.isStarted()) {
            closeStream.run();
            throw new IllegalStateException("The SSH server is not started.");
        }
        try {
            return streams.serve(input, output, closeStream);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The SSH connection could not be set up: " + e.getMessage(), e);
        }
    }

    /** Stops listening, closes every connection (TCP and stream) and session; idempotent. */
    @Override
    public void close() {
        streams.close(true);
        try {
            sshd.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException("The SSH server did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** Counts transport connections for {@link SshStats}. */
    private record ConnectionCounter(SshStats stats) implements SessionListener {
        @Override
        public void sessionCreated(Session session) {
            stats.connectionOpened();
        }

        @Override
        public void sessionClosed(Session session) {
            stats.connectionClosed();
        }
    }
}
