package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One started server per test class, on a random loopback port, with a scratch directory that
 * doubles as the sessions' working directory.
 */
final class TestServer implements AutoCloseable {
    final Path scratch;
    final AgentSshServer server;
    final OpenSsh client;

    private TestServer(Path scratch, AgentSshServer server) {
        this.scratch = scratch;
        this.server = server;
        this.client = new OpenSsh(server.port(), scratch);
    }

    static TestServer start(Path scratch, SshServerConfig.Builder config) {
        try {
            Path work = Files.createDirectories(scratch.resolve("work"));
            AgentSshServer server = AgentSshServer.create(config.workingDirectory(work).build());
            server.start();
            return new TestServer(scratch, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path workingDirectory() {
        return scratch.resolve("work");
    }

    @Override
    public void close() {
        server.close();
    }
}
