package dev.jcoder.tunnel.service;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** What the opener of a tunnel stream asks for. Each variant has a wire name and string arguments. */
public sealed interface ServiceRequest {

    /** The service name on the wire. */
    String service();

    /** The arguments on the wire; unknown keys are ignored by readers (forward compatibility). */
    Map<String, String> arguments();

    /** The agent's SSH server; the stream then carries the SSH protocol. */
    record Ssh() implements ServiceRequest {
        public static final String NAME = "ssh";

        @Override
        public String service() {
            return NAME;
        }

        @Override
        public Map<String, String> arguments() {
            return Map.of();
        }
    }

    /**
     * Attach to (or start) the reconnecting PTY {@code id} (Coder's web terminal). {@code command}
     * is empty for the user's login shell.
     */
    record ReconnectingPty(UUID id, int height, int width, String command) implements ServiceRequest {
        public static final String NAME = "reconnecting-pty";

        public ReconnectingPty {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(command, "command");
            if (height < 0 || width < 0 || height > 0xFFFF || width > 0xFFFF) {
                throw new IllegalArgumentException("height and width must be within 0..65535");
            }
        }

        @Override
        public String service() {
            return NAME;
        }

        @Override
        public Map<String, String> arguments() {
            return Map.of("id", id.toString(), "height", Integer.toString(height),
                    "width", Integer.toString(width), "command", command);
        }
    }

    /**
     * A TCP connection from the agent to {@code host:port} (port forwarding, workspace apps). The
     * agent decides which hosts it allows; Coder's forwarding uses the workspace's loopback.
     */
    record Tcp(String host, int port) implements ServiceRequest {
        public static final String NAME = "tcp";

        public Tcp {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be within 1..65535: " + port);
            }
        }

        /** A connection to {@code 127.0.0.1:port} inside the workspace. */
        public static Tcp loopback(int port) {
            return new Tcp("127.0.0.1", port);
        }

        @Override
        public String service() {
            return NAME;
        }

        @Override
        public Map<String, String> arguments() {
            return Map.of("host", host, "port", Integer.toString(port));
        }
    }

    /**
     * Throughput test: the acceptor discards what it reads, and, when {@code downloadBytes} is
     * positive, writes that many bytes back (then FIN).
     */
    record Speedtest(long downloadBytes) implements ServiceRequest {
        public static final String NAME = "speedtest";

        public Speedtest {
            if (downloadBytes < 0) {
                throw new IllegalArgumentException("downloadBytes must not be negative");
            }
        }

        @Override
        public String service() {
            return NAME;
        }

        @Override
        public Map<String, String> arguments() {
            return Map.of("download_bytes", Long.toString(downloadBytes));
        }
    }
}
