package dev.jcoder.coderd.workspaces;

import dev.jcoder.coderd.pubsub.Pubsub;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pubsub channel that says "this workspace changed" (settings, a new build, a deletion), so
 * that watchers on every replica re-read it, and its in-process fan-out. Job progress of a build
 * arrives through the job queue's own events. Listeners run on the pubsub thread and must only
 * signal. {@link #close()} tells every watcher to stop (the server is shutting down).
 */
public final class WorkspaceEvents implements AutoCloseable {
    public static final String CHANNEL = "workspace_updated";

    private final Pubsub pubsub;
    private final Map<UUID, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
    private final Pubsub.Subscription subscription;
    private volatile boolean closed;

    public WorkspaceEvents(Pubsub pubsub) {
        this.pubsub = Objects.requireNonNull(pubsub, "pubsub");
        this.subscription = pubsub.subscribe(CHANNEL, this::changed);
    }

    public void publish(UUID workspaceId) {
        pubsub.publish(CHANNEL, workspaceId.toString());
    }

    /** Calls {@code listener} when the workspace changes, after a pubsub reconnect, and when the server stops. */
    public Pubsub.Subscription onWorkspace(UUID workspaceId, Runnable listener) {
        listeners.computeIfAbsent(workspaceId, id -> new CopyOnWriteArrayList<>()).add(listener);
        onClose.add(listener);
        return () -> {
            onClose.remove(listener);
            listeners.computeIfPresent(workspaceId, (id, list) -> {
                list.remove(listener);
                return list.isEmpty() ? null : list;
            });
        };
    }

    public boolean closed() {
        return closed;
    }

    private void changed(String payload) {
        if (payload.isEmpty()) {
            listeners.values().forEach(list -> list.forEach(Runnable::run));
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            return;
        }
        List<Runnable> list = listeners.get(id);
        if (list != null) {
            list.forEach(Runnable::run);
        }
    }

    @Override
    public void close() {
        closed = true;
        subscription.close();
        onClose.forEach(Runnable::run);
    }
}
