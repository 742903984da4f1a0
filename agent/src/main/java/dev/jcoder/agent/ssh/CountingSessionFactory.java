package dev.jcoder.agent.ssh;

import java.io.IOException;

import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.util.Readable;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.ServerFactoryManager;
import org.apache.sshd.server.session.ServerSessionImpl;
import org.apache.sshd.server.session.SessionFactory;

/**
 * Creates server sessions that count the bytes they read and write on the wire into
 * {@link SshStats}, whatever carries them (a TCP socket or a tunnel stream).
 */
final class CountingSessionFactory extends SessionFactory {
    private final SshStats stats;

    CountingSessionFactory(ServerFactoryManager server, SshStats stats) {
        super(server);
        this.stats = stats;
    }

    @Override
    protected ServerSessionImpl doCreateSession(IoSession ioSession) throws Exception {
        return new CountingServerSession(getServer(), ioSession, stats);
    }

    private static final class CountingServerSession extends ServerSessionImpl {
        private final SshStats stats;

        CountingServerSession(ServerFactoryManager server, IoSession ioSession, SshStats stats) throws Exception {
            super(server, ioSession);
            this.stats = stats;
        }

        @Override
        public void messageReceived(Readable buffer) throws Exception {
            stats.received(buffer.available());
            super.messageReceived(buffer);
        }

        @Override
        protected Buffer resolveOutputPacket(Buffer buffer) throws IOException {
            Buffer packet = super.resolveOutputPacket(buffer);
            // The super constructor already sends KEXINIT, before this class's fields are set.
            if (stats != null) {
                stats.sent(packet.available());
            }
            return packet;
        }
    }
}
