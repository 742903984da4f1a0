package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A session channel that remembers whether the client asked for a PTY (MINA only records the
 * request's side effects in the environment, which a client could also set with {@code SetEnv})
 * and counts itself in the server's {@link SshStats} from the moment a shell, command or subsystem
 * starts until the channel closes.
 */
final class AgentChannelSession extends ChannelSession {
    private final SshStats stats;
    private final AtomicBoolean counted = new AtomicBoolean();
    private volatile boolean ptyRequested;

    AgentChannelSession(SshStats stats) {
        this.stats = stats;
    }

    /** Whether a {@code pty-req} was accepted on this channel. */
    boolean ptyRequested() {
        return ptyRequested;
    }

    @Override
    protected RequestHandler.Result handlePtyReqParsed(
            String term, int columns, int rows, int width, int height, Map<PtyMode, Integer> modes) throws IOException {
        ptyRequested = true;
        return super.handlePtyReqParsed(term, columns, rows, width, height, modes);
    }

    @Override
    protected RequestHandler.Result prepareChannelCommand(String request, Command command) throws IOException {
        RequestHandler.Result result = super.prepareChannelCommand(request, command);
        if (result == RequestHandler.Result.ReplySuccess && counted.compareAndSet(false, true)) {
            SessionType type = "subsystem".equals(request)
                    ? SessionType.SFTP
                    : SessionType.ofClientEnvironment(getEnvironment().getEnv());
            stats.sessionStarted(type);
            addCloseFutureListener(future -> stats.sessionEnded(type));
        }
        return result;
    }

    /** Creates {@link AgentChannelSession}s for the {@code session} channel type. */
    record Factory(SshStats stats) implements ChannelFactory {
        @Override
        public String getName() {
            return "session";
        }

        @Override
        public Channel createChannel(Session session) {
            return new AgentChannelSession(stats);
        }
    }
}
