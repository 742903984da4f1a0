package dev.jcoder.agent.ssh;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the SSH server alone, for benchmarks and manual checks (the agent's own main embeds
 * {@link AgentSshServer} instead). Arguments: {@code [--port N] [--host-key FILE] [--motd FILE]
 * [--env NAME=VALUE]...}. Prints {@code listening on 127.0.0.1:PORT} once it accepts connections
 * and stops on SIGINT/SIGTERM.
 */
public final class SshServerMain {
    private SshServerMain() {
    }

    public static void main(String[] args) throws Exception {
        SshServerConfig.Builder config = SshServerConfig.builder();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--port" -> config.port(Integer.parseInt(value));
                case "--host-key" -> config.hostKeyFile(Path.of(value));
                case "--motd" -> config.motdFile(Path.of(value));
                case "--env" -> {
                    int equals = value.indexOf('=');
                    config.putEnvironment(value.substring(0, equals), value.substring(equals + 1));
                }
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; expected --port, --host-key, --motd or --env.");
            }
            i++;
        }
        AgentSshServer server = AgentSshServer.create(config.build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        server.start();
        System.out.println("listening on " + AgentSshServer.LISTEN_HOST + ":" + server.port());
        System.out.flush();
        stopped.await();
    }
}
