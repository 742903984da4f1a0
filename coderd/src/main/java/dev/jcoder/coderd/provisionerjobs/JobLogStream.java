package dev.jcoder.coderd.provisionerjobs;

import dev.jcoder.coderd.store.ProvisionerJobLogRow;
import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.codersdk.Json;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a job's logs over a WebSocket (Coder's {@code ?follow}): one text frame per line, first the
 * stored lines after {@code after}, then new ones as they are stored, and a normal close once the job
 * has ended and every line was sent. Each stream has a virtual thread that re-reads the database
 * whenever pubsub signals the job, so a line stored at any moment is sent exactly once.
 */
public final class JobLogStream {
    private static final Logger log = LoggerFactory.getLogger(JobLogStream.class);
    /** Set on the upgrade request: the job to follow, the store to read it with, and {@code after}. */
    public static final String ATTRIBUTE = "jcoder.jobLogStream";

    public record Target(UUID jobId, Store store, long after) {}

    private final JobEvents events;
    private final ConcurrentHashMap<String, Semaphore> open = new ConcurrentHashMap<>();

    public JobLogStream(JobEvents events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Configures the WebSocket of a route whose upgrade handler set {@link #ATTRIBUTE}. */
    public void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            Target target = ctx.attribute(ATTRIBUTE);
            if (target == null) {
                ctx.closeSession(1011, "no job to follow");
                return;
            }
            ctx.session.setIdleTimeout(java.time.Duration.ofHours(1));
            Semaphore wake = new Semaphore(0);
            open.put(ctx.sessionId(), wake);
            Thread.ofVirtual().name("job-logs-" + target.jobId()).start(() -> stream(ctx, target, wake));
        });
        ws.onClose(ctx -> {
            Semaphore wake = open.remove(ctx.sessionId());
            if (wake != null) {
                wake.release();
            }
        });
        ws.onError(ctx -> {
            Semaphore wake = open.remove(ctx.sessionId());
            if (wake != null) {
                wake.release();
            }
        });
    }

    private void stream(WsContext ctx, Target target, Semaphore wake) {
        String session = ctx.sessionId();
        try (var subscription = events.onJob(target.jobId(), wake::release)) {
            long last = target.after();
            while (open.containsKey(session)) {
                last = send(ctx, target, last);
                ProvisionerJobRow job = target.store().getProvisionerJobByID(target.jobId()).orElse(null);
                if (job == null || job.isCompleted()) {
                    send(ctx, target, last); // lines stored just before the job ended
                    ctx.closeSession(1000, "");
                    return;
                }
                wake.tryAcquire(30, TimeUnit.SECONDS);
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("log stream of job {} ended: {}", target.jobId(), e.getMessage());
            try {
                ctx.closeSession(1011, "internal error");
            } catch (RuntimeException ignored) {
                // already closed
            }
        } finally {
            open.remove(session);
        }
    }

    private static long send(WsContext ctx, Target target, long after) {
        List<ProvisionerJobLogRow> logs = target.store().getProvisionerLogsAfterID(target.jobId(), after, 0);
        long last = after;
        for (ProvisionerJobLogRow line : logs) {
            try {
                ctx.send(Json.mapper().writeValueAsString(ProvisionerJobConverter.toSdk(line)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            last = line.id();
        }
        return last;
    }
}
