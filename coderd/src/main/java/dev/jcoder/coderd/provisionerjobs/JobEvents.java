package dev.jcoder.coderd.provisionerjobs;

import dev.jcoder.coderd.pubsub.Pubsub;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The queue's pubsub channels and the in-process fan-out of their notifications: a job was posted
 * (wakes daemons waiting to acquire), a job has new logs, a job changed (canceled or ended). Per-job
 * listeners are called on the pubsub thread and must only signal.
 */
public final class JobEvents implements AutoCloseable {
    public static final String POSTED = "provisioner_job_posted";
    public static final String LOGS = "provisioner_job_logs";
    public static final String UPDATED = "provisioner_job_updated";

    private final Pubsub pubsub;
    private final Map<UUID, List<Runnable>> jobListeners = new ConcurrentHashMap<>();
    private final Object postedMonitor = new Object();
    private long postedGeneration;
    private final List<Pubsub.Subscription> subscriptions;

    public JobEvents(Pubsub pubsub) {
        this.pubsub = Objects.requireNonNull(pubsub, "pubsub");
        this.subscriptions = List.of(
                pubsub.subscribe(POSTED, payload -> posted()),
                pubsub.subscribe(LOGS, this::jobChanged),
                pubsub.subscribe(UPDATED, this::jobChanged));
    }

    public void publishPosted(UUID organizationId) {
        pubsub.publish(POSTED, organizationId.toString());
    }

    public void publishLogs(UUID jobId) {
        pubsub.publish(LOGS, jobId.toString());
    }

    public void publishUpdated(UUID jobId) {
        pubsub.publish(UPDATED, jobId.toString());
    }

    /** Calls {@code listener} when the job gets logs or changes (and after a pubsub reconnect). */
    public Pubsub.Subscription onJob(UUID jobId, Runnable listener) {
        jobListeners.computeIfAbsent(jobId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> jobListeners.computeIfPresent(jobId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    private void jobChanged(String payload) {
        if (payload.isEmpty()) {
            jobListeners.values().forEach(list -> list.forEach(Runnable::run));
            posted();
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            return;
        }
        List<Runnable> listeners = jobListeners.get(id);
        if (listeners != null) {
            listeners.forEach(Runnable::run);
        }
    }

    private void posted() {
        synchronized (postedMonitor) {
            postedGeneration++;
            postedMonitor.notifyAll();
        }
    }

    /** The count of "job posted" notifications so far; pass it to {@link #awaitPosted}. */
    public long postedGeneration() {
        synchronized (postedMonitor) {
            return postedGeneration;
        }
    }

    /** Waits until a job is posted after {@code generation} was read, or {@code millis} pass. */
    public void awaitPosted(long generation, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (postedMonitor) {
            while (postedGeneration == generation) {
                long remaining = (deadline - System.nanoTime()) / 1_000_000;
                if (remaining <= 0) {
                    return;
                }
                postedMonitor.wait(remaining);
            }
        }
    }

    /** Wakes every waiting acquirer (used when daemons shut down). */
    public void wakeAll() {
        posted();
    }

    @Override
    public void close() {
        subscriptions.forEach(Pubsub.Subscription::close);
    }
}
