package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.util.Optional;

import org.apache.sshd.scp.server.ScpCommandFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.apache.sshd.server.shell.ShellFactory;

/**
 * Turns {@code shell} and {@code exec} requests into processes: on a PTY when the client asked for
 * one, on pipes otherwise. Legacy {@code scp -t}/{@code scp -f} commands go to MINA's SCP
 * implementation, with relative paths resolved against the home directory as OpenSSH's sshd does
 * (MINA would resolve them against the agent's working directory).
 */
final class SessionCommandFactory implements CommandFactory, ShellFactory {
    private final SessionSettings settings;
    private final ScpCommandFactory scp;

    SessionCommandFactory(SessionSettings settings) {
        this.settings = settings;
        this.scp = new ScpCommandFactory.Builder().build();
    }

    @Override
    public Command createShell(ChannelSession channel) {
        return create(channel, Optional.empty());
    }

    @Override
    public Command createCommand(ChannelSession channel, String command) throws IOException {
        if (scp.isSupportedCommand(channel, command)) {
            return scp.createCommand(channel, ScpCommands.resolveTarget(command, settings.account().home()));
        }
        return create(channel, Optional.of(command));
    }

    private Command create(ChannelSession channel, Optional<String> commandLine) {
        boolean pty = channel instanceof AgentChannelSession session && session.ptyRequested();
        return pty ? new PtyCommand(settings, commandLine) : new PipeCommand(settings, commandLine);
    }
}
