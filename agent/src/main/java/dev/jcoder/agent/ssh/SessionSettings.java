package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every session process of one server shares: the account it runs as, where it starts, the
 * agent's base environment and the message of the day.
 *
 * @param account          the OS user sessions run as
 * @param workingDirectory where shells and commands start
 * @param baseEnvironment  the agent's variables, merged into every session
 * @param motdFile         the message of the day file, or empty for none
 * @param launcherPrefix   arguments that start every session command ({@link SignalDefaults})
 */
record SessionSettings(
        UserAccount account,
        Path workingDirectory,
        Map<String, String> baseEnvironment,
        Optional<Path> motdFile,
        List<String> launcherPrefix) {
    SessionSettings {
        baseEnvironment = Map.copyOf(baseEnvironment);
        launcherPrefix = List.copyOf(launcherPrefix);
    }

    static SessionSettings of(SshServerConfig config, UserAccount account) {
        Path directory = config.workingDirectory().orElse(account.home());
        if (!Files.isDirectory(directory)) {
            // A missing directory would fail every session; the home directory is what a login uses.
            directory = account.home();
        }
        return new SessionSettings(
                account, directory, config.environment(), config.motdFile(), SignalDefaults.launcherPrefix());
    }

    /**
     * The message of the day for an interactive login, unless the file is missing or the user
     * silenced it with {@code ~/.hushlogin} (as login(1) does).
     */
    Optional<String> messageOfTheDay() {
        if (motdFile.isEmpty() || Files.exists(account.home().resolve(".hushlogin"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(motdFile.get()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
