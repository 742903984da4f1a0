package dev.jcoder.cli.agent;

import dev.jcoder.agent.Agent;
import dev.jcoder.agent.AgentOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;

/** An {@link Agent} running on its own thread in the test JVM, with its own log and script directories. */
final class RunningAgent implements AutoCloseable {
    final Agent agent;
    final Path logDir;
    final CompletableFuture<Void> finished = new CompletableFuture<>();

    private RunningAgent(Agent agent, Path logDir) {
        this.agent = agent;
        this.logDir = logDir;
    }

    static RunningAgent start(URI url, String token) throws IOException {
        Path dir = Files.createTempDirectory("agent-e2e");
        Path logDir = dir.resolve("logs");
        Agent agent = new Agent(new AgentOptions(url, token, "token", logDir, dir.resolve("scripts"), "v0.0.0-test"),
                InstantSource.system());
        RunningAgent running = new RunningAgent(agent, logDir);
        Thread.ofPlatform().name("test-agent").daemon().start(() -> {
            try {
                agent.run();
                running.finished.complete(null);
            } catch (Exception e) {
                running.finished.completeExceptionally(e);
            }
        });
        return running;
    }

    /** Runs the shutdown sequence (stop scripts, off) and waits for it. */
    void stop() throws InterruptedException {
        if (!agent.stop(Duration.ofSeconds(60))) {
            throw new AssertionError("the agent did not stop within 60 s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        agent.stop(Duration.ofSeconds(60));
    }
}
