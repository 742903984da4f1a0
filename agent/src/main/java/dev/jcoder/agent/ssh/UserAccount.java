package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The OS account the agent runs as: every session runs as this user, whatever user name the SSH
 * client sent. The login shell comes from the passwd entry ({@code /etc/passwd}, else
 * {@code getent}), then {@code $SHELL}, then {@code /bin/sh}, the same order a login would use.
 *
 * @param name  the user name
 * @param home  the home directory
 * @param shell the login shell's path
 */
record UserAccount(String name, Path home, String shell) {
    private static final String FALLBACK_SHELL = "/bin/sh";

    /** The account of the running JVM, with an optional shell override from the configuration. */
    static UserAccount current(Optional<String> shellOverride) {
        String name = System.getProperty("user.name");
        Path home = Path.of(System.getProperty("user.home"));
        Optional<String[]> entry = passwdEntry(Path.of("/etc/passwd"), name).or(() -> getentEntry(name));
        if (entry.isPresent() && entry.get().length >= 6 && !entry.get()[5].isEmpty()) {
            home = Path.of(entry.get()[5]);
        }
        String shell = shellOverride
                .or(() -> entry.filter(fields -> fields.length >= 7).map(fields -> fields[6]).filter(UserAccount::executable))
                .or(() -> Optional.ofNullable(System.getenv("SHELL")).filter(UserAccount::executable))
                .orElse(FALLBACK_SHELL);
        return new UserAccount(name, home, shell);
    }

    /** Variables a login sets for the user (OpenSSH's sshd sets the same). */
    Map<String, String> loginEnvironment() {
        return Map.of("USER", name, "LOGNAME", name, "HOME", home.toString(), "SHELL", shell);
    }

    private static Optional<String[]> passwdEntry(Path passwd, String name) {
        try {
            List<String> lines = Files.readAllLines(passwd);
            return lines.stream()
                    .map(line -> line.split(":", -1))
                    .filter(fields -> fields.length >= 7 && fields[0].equals(name))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Users from LDAP, SSSD and the like are not in /etc/passwd; NSS knows them. */
    private static Optional<String[]> getentEntry(String name) {
        try {
            Process getent = new ProcessBuilder("getent", "passwd", name)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String line = new String(getent.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!getent.waitFor(5, TimeUnit.SECONDS) || getent.exitValue() != 0) {
                return Optional.empty();
            }
            String[] fields = line.split(":", -1);
            return fields.length >= 7 && fields[0].equals(name) ? Optional.of(fields) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean executable(String path) {
        return !path.isBlank() && Files.isExecutable(Path.of(path));
    }
}
