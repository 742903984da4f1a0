package dev.jcoder.agent.lifecycle;

import dev.jcoder.codersdk.WorkspaceAgentLifecycle;
import dev.jcoder.codersdk.agentsdk.AgentClient;
import dev.jcoder.codersdk.agentsdk.PostLifecycleRequest;
import dev.jcoder.codersdk.agentsdk.RetryPolicy;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the agent's lifecycle states to coderd in the order they happened, each with the time it
 * changed, retrying while the server is unreachable. A change never waits for the report: the
 * states queue and one virtual thread sends them.
 */
public final class LifecycleReporter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LifecycleReporter.class);

    private final AgentClient client;
    private final RetryPolicy retry;
    private final InstantSource clock;
    private final Deque<PostLifecycleRequest> pending = new ArrayDeque<>();
    private final Thread sender;
    private PostLifecycleRequest current;
    private boolean sending;

    public LifecycleReporter(AgentClient client, RetryPolicy retry, InstantSource clock) {
        this.client = client;
        this.retry = retry;
        this.clock = clock;
        this.sender = Thread.ofVirtual().name("agent-lifecycle").start(this::sendLoop);
    }

    /** The agent entered {@code state} now. */
    public synchronized void report(WorkspaceAgentLifecycle state) {
        current = new PostLifecycleRequest(state, clock.instant());
        pending.addLast(current);
        log.info("lifecycle: {}", state.value());
        notifyAll();
    }

    /** Sends the current state again (after the server may have lost it); no-op before the first state. */
    public synchronized void reReport() {
        if (current != null && !pending.contains(current)) {
            pending.addLast(current);
            notifyAll();
        }
    }

    public synchronized Optional<WorkspaceAgentLifecycle> current() {
        return Optional.ofNullable(current).map(PostLifecycleRequest::state);
    }

    /** Waits until every state reported so far reached the server, at most {@code timeout}; true if it did. */
    public synchronized boolean awaitSent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() || sending) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void sendLoop() {
        try {
            while (true) {
                PostLifecycleRequest next;
                synchronized (this) {
                    while (pending.isEmpty()) {
                        wait();
                    }
                    next = pending.peekFirst();
                    sending = true;
                }
                try {
                    retry.run(() -> {
                        client.postLifecycle(next);
                        return null;
                    }, e -> log.debug("lifecycle report failed, retrying: {}", e.getMessage()));
                } catch (RuntimeException e) {
                    log.warn("coderd refused lifecycle state {}: {}", next.state().value(), e.getMessage());
                }
                synchronized (this) {
                    pending.pollFirst();
                    sending = false;
                    notifyAll();
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public void close() {
        sender.interrupt();
    }
}
