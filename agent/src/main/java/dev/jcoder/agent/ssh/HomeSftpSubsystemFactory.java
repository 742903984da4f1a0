package dev.jcoder.agent.ssh;

import java.nio.file.FileSystem;
import java.nio.file.Path;

import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemConfigurator;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The {@code sftp} subsystem over the whole file system ({@code /}), with the user's home as the
 * directory that relative paths and {@code pwd} start from. MINA's default would be the agent
 * process's working directory.
 */
final class HomeSftpSubsystemFactory extends SftpSubsystemFactory {
    private final Path home;

    HomeSftpSubsystemFactory(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    @Override
    public Command createSubsystem(ChannelSession channel) {
        return new HomeSftpSubsystem(channel, this, home);
    }

    private static final class HomeSftpSubsystem extends SftpSubsystem {
        private final Path home;

        HomeSftpSubsystem(ChannelSession channel, SftpSubsystemConfigurator configurator, Path home) {
            super(channel, configurator);
            this.home = home;
            this.defaultDir = home;
        }

        @Override
        public void setFileSystem(FileSystem fileSystem) {
            super.setFileSystem(fileSystem);
            this.defaultDir = fileSystem.getPath(home.toString());
        }

        @Override
        public Path getDefaultDirectory() {
            return defaultDir;
        }
    }
}
