package dev.jcoder.coderd.provisionerjobs;

import dev.jcoder.coderd.database.Database;
import dev.jcoder.coderd.pubsub.Pubsub;
import dev.jcoder.coderd.store.AuthorizingStore;
import java.time.InstantSource;

/**
 * The job queue's running parts, built and owned together: the pubsub connection, the event
 * fan-out, the daemon server, the reaper and the log streamer. {@link #close()} stops them in order.
 */
public final class ProvisionerJobs implements AutoCloseable {
    private final Pubsub pubsub;
    private final JobEvents events;
    private final ProvisionerDaemonServer daemonServer;
    private final JobReaper reaper;
    private final JobLogStream logStream;

    private ProvisionerJobs(Pubsub pubsub, JobEvents events, ProvisionerDaemonServer daemonServer, JobReaper reaper,
            JobLogStream logStream) {
        this.pubsub = pubsub;
        this.events = events;
        this.daemonServer = daemonServer;
        this.reaper = reaper;
        this.logStream = logStream;
    }

    public static ProvisionerJobs start(Database database, AuthorizingStore store, InstantSource clock,
            ProvisionerJobsConfig config) {
        Pubsub pubsub = Pubsub.start(database.jdbcUrl(), database.dataSource());
        try {
            JobEvents events = new JobEvents(pubsub);
            ProvisionerDaemonServer server = new ProvisionerDaemonServer(store, events, clock, config);
            JobReaper reaper = new JobReaper(store, events, clock, config).start();
            return new ProvisionerJobs(pubsub, events, server, reaper, new JobLogStream(events));
        } catch (RuntimeException e) {
            pubsub.close();
            throw e;
        }
    }

    public Pubsub pubsub() {
        return pubsub;
    }

    public JobEvents events() {
        return events;
    }

    public ProvisionerDaemonServer daemonServer() {
        return daemonServer;
    }

    public JobReaper reaper() {
        return reaper;
    }

    public JobLogStream logStream() {
        return logStream;
    }

    @Override
    public void close() {
        reaper.close();
        events.wakeAll();
        events.close();
        pubsub.close();
    }
}
