package dev.jcoder.agent.ssh;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable configuration of the agent's SSH server. Build one with {@link #builder()}; every
 * setting has a default that suits a workspace agent.
 *
 * <ul>
 *   <li>{@code port}: loopback port to listen on; {@code 0} (default) picks a free one.</li>
 *   <li>{@code hostKeyFile}: where the ed25519 host key is kept, generated on first start; empty
 *       keeps a fresh key in memory only.</li>
 *   <li>{@code environment}: the agent's base environment (for example {@code CODER=true},
 *       {@code CODER_WORKSPACE_NAME}), merged into every session before the client's variables.</li>
 *   <li>{@code workingDirectory}: where shells and commands start; defaults to the user's home.</li>
 *   <li>{@code motdFile}: a message of the day shown on interactive logins, if the file exists.</li>
 *   <li>{@code shell}: overrides the login shell found in {@code /etc/passwd} or {@code $SHELL}.</li>
 * </ul>
 */
public final class SshServerConfig {
    private final int port;
    private final Path hostKeyFile;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path motdFile;
    private final String shell;

    private SshServerConfig(Builder builder) {
        this.port = builder.port;
        this.hostKeyFile = builder.hostKeyFile;
        this.environment = Map.copyOf(builder.environment);
        this.workingDirectory = builder.workingDirectory;
        this.motdFile = builder.motdFile;
        this.shell = builder.shell;
    }

    /** A configuration with every default: random port, in-memory host key, home directory. */
    public static SshServerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return port;
    }

    public Optional<Path> hostKeyFile() {
        return Optional.ofNullable(hostKeyFile);
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Optional<Path> workingDirectory() {
        return Optional.ofNullable(workingDirectory);
    }

    public Optional<Path> motdFile() {
        return Optional.ofNullable(motdFile);
    }

    public Optional<String> shell() {
        return Optional.ofNullable(shell);
    }

    /** Builder for {@link SshServerConfig}; unset values keep their defaults. */
    public static final class Builder {
        private int port;
        private Path hostKeyFile;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory;
        private Path motdFile;
        private String shell;

        private Builder() {
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("The SSH port must be between 0 and 65535, not " + port + ".");
            }
            this.port = port;
            return this;
        }

        public Builder hostKeyFile(Path hostKeyFile) {
            this.hostKeyFile = Objects.requireNonNull(hostKeyFile, "hostKeyFile");
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment.clear();
            this.environment.putAll(environment);
            return this;
        }

        public Builder putEnvironment(String name, String value) {
            this.environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
            return this;
        }

        public Builder motdFile(Path motdFile) {
            this.motdFile = Objects.requireNonNull(motdFile, "motdFile");
            return this;
        }

        public Builder shell(String shell) {
            this.shell = Objects.requireNonNull(shell, "shell");
            return this;
        }

        public SshServerConfig build() {
            return new SshServerConfig(this);
        }
    }
}
