package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.client.channel.AbstractClientChannel;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.ChannelOutputStream;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * SSH agent forwarding ({@code ssh -A}) through a Unix domain socket per connection. Processes of
 * the session find it in {@code SSH_AUTH_SOCK}; each connection to it becomes an
 * {@code auth-agent@openssh.com} channel to the client, which relays it to the user's agent.
 * MINA's own implementation needs the Tomcat native library; JDK 16+ has Unix sockets built in.
 */
final class AgentForwarding implements SshAgentFactory {
    @Override
    public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        return List.of(); // Only clients accept agent channels; this is a server.
    }

    @Override
    public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
        throw new IOException("The agent's SSH server does not act as an SSH agent client.");
    }

    @Override
    public SshAgentServer createServer(ConnectionService service) throws IOException {
        return new SocketServer(service);
    }

    /** The listening socket of one SSH connection; closed with the connection. */
    private static final class SocketServer implements SshAgentServer {
        private final ConnectionService service;
        private final Path directory;
        private final Path socket;
        private final ServerSocketChannel server;

        SocketServer(ConnectionService service) throws IOException {
            this.service = service;
            // A private directory, so other users on the machine cannot use the forwarded agent.
            this.directory = Files.createTempDirectory("jcoder-ssh-agent-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            this.socket = directory.resolve("agent.sock");
            this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            // Socket I/O (not file I/O) parks virtual threads without pinning a carrier.
            Thread.ofVirtual().name("ssh-agent-accept").start(this::acceptLoop);
        }

        private void acceptLoop() {
            while (server.isOpen()) {
                try {
                    SocketChannel client = server.accept();
                    Thread.ofVirtual().name("ssh-agent-conn").start(() -> relay(client));
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private void relay(SocketChannel client) {
            ForwardedAgentChannel channel = new ForwardedAgentChannel(client);
            // When the SSH side goes first, closing the socket ends the blocked read below.
            channel.addCloseFutureListener(future -> closeQuietly(client));
            try {
                service.registerChannel(channel);
                channel.open().verify(CoreModuleProperties.CHANNEL_OPEN_TIMEOUT.getRequired(service.getSession()));
                OutputStream toClient = channel.getInvertedIn();
                ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
                while (client.read(buffer) >= 0) {
                    toClient.write(buffer.array(), 0, buffer.position());
                    toClient.flush();
                    buffer.clear();
                }
            } catch (IOException e) {
                // The local process or the SSH client went away; either way this relay is over.
            } finally {
                channel.close(false);
                closeQuietly(client);
            }
        }

        @Override
        public String getId() {
            return socket.toString();
        }

        @Override
        public boolean isOpen() {
            return server.isOpen();
        }

        @Override
        public void close() throws IOException {
            server.close();
            Files.deleteIfExists(socket);
            Files.deleteIfExists(directory);
        }
    }

    /** The channel to the client's agent for one local connection. */
    private static final class ForwardedAgentChannel extends AbstractClientChannel {
        private final SocketChannel local;

        ForwardedAgentChannel(SocketChannel local) {
            super("auth-agent@openssh.com");
            this.local = local;
        }

        @Override
        protected void doOpen() {
            invertedIn = new ChannelOutputStream(this, getRemoteWindow(), log, SshConstants.SSH_MSG_CHANNEL_DATA, true);
        }

        @Override
        protected void doWriteData(byte[] data, int off, long len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(data, off, (int) len);
            while (buffer.hasRemaining()) {
                local.write(buffer);
            }
            getLocalWindow().release(len);
        }

        @Override
        public void handleEof() throws IOException {
            super.handleEof();
            local.shutdownOutput();
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing more to release.
        }
    }
}
