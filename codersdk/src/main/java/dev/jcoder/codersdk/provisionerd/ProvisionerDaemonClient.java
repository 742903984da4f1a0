package dev.jcoder.codersdk.provisionerd;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A daemon's connection to the server. The daemon's identity (name, provisioners, tags,
 * organization) is fixed when the connection is made; every call acts as that daemon.
 *
 * <p>Lifecycle of a job: {@link #acquireJob} hands it over (the job is then {@code running} and owned
 * by this daemon); {@link #updateJob} appends logs and doubles as the heartbeat (call it at least
 * every few seconds, even without logs; the reaper fails jobs that go quiet); the job ends with
 * exactly one {@link #completeJob} or {@link #failJob}. When the job is canceled, the server says
 * so in {@link UpdateJobResponse#canceled()} and calls the callback given to {@link #watchCancel};
 * the daemon then stops the provisioner and ends the job with {@link #failJob} (the job becomes
 * {@code canceled}).
 *
 * <p>Calls about a job the daemon does not own, or that has already ended, throw
 * {@link IllegalStateException}. Implementations are thread-safe.
 */
public interface ProvisionerDaemonClient extends AutoCloseable {

    /**
     * Waits until a pending job that this daemon may run is assigned to it. Returns empty when
     * {@code timeout} passes first or the client is closed. Wakes up on new jobs without polling.
     */
    Optional<AcquiredJob> acquireJob(Duration timeout) throws InterruptedException;

    /** Stores the logs (and variables, readme) and records a heartbeat. */
    UpdateJobResponse updateJob(UpdateJobRequest request);

    /** Ends the job successfully with its results. */
    void completeJob(CompletedJob job);

    /** Ends the job with an error; a canceled job ends {@code canceled} rather than {@code failed}. */
    void failJob(FailedJob job);

    /**
     * Runs {@code onCancel} once when the job is canceled (at once when it already is). Close the
     * returned handle to stop watching.
     */
    Watch watchCancel(UUID jobId, Runnable onCancel);

    /** Stops waiting in {@link #acquireJob} and releases the connection. */
    @Override
    void close();

    /** A registration that can be ended. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
