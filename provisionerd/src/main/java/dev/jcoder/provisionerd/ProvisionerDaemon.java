package dev.jcoder.provisionerd;

import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.LogSource;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.provisionerd.AcquiredJob;
import dev.jcoder.codersdk.provisionerd.CompletedJob;
import dev.jcoder.codersdk.provisionerd.FailedJob;
import dev.jcoder.codersdk.provisionerd.JobResult;
import dev.jcoder.codersdk.provisionerd.Log;
import dev.jcoder.codersdk.provisionerd.ProvisionerDaemonClient;
import dev.jcoder.codersdk.provisionerd.TemplateVariable;
import dev.jcoder.codersdk.provisionerd.UpdateJobRequest;
import dev.jcoder.codersdk.provisionerd.UpdateJobResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon: a virtual thread that acquires a job, runs it with the provisioner of its type, and
 * reports. While a job runs, a second virtual thread sends its logs (batched for a few
 * milliseconds) and a heartbeat at least every {@code heartbeatInterval}; cancellation arrives
 * through {@link ProvisionerDaemonClient#watchCancel} and heartbeat answers. {@link #close()}
 * cancels the running job, stops the loop and waits for it.
 */
public final class ProvisionerDaemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProvisionerDaemon.class);

    private final String name;
    private final ProvisionerDaemonClient client;
    private final Map<ProvisionerType, Provisioner> provisioners;
    private final DaemonConfig config;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Session current;
    private Thread loop;

    public ProvisionerDaemon(String name, ProvisionerDaemonClient client, Map<ProvisionerType, Provisioner> provisioners,
            DaemonConfig config) {
        this.name = Objects.requireNonNull(name, "name");
        this.client = Objects.requireNonNull(client, "client");
        this.provisioners = Map.copyOf(provisioners);
        this.config = Objects.requireNonNull(config, "config");
    }

    public synchronized ProvisionerDaemon start() {
        if (loop == null) {
            loop = Thread.ofVirtual().name("provisionerd-" + name).start(this::run);
        }
        return this;
    }

    public boolean isRunning() {
        Thread thread = loop;
        return thread != null && thread.isAlive();
    }

    private void run() {
        while (!closing.get()) {
            Optional<AcquiredJob> job;
            try {
                job = client.acquireJob(config.acquireTimeout());
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                if (closing.get()) {
                    break;
                }
                log.warn("daemon {} cannot acquire a job: {}", name, e.getMessage());
                sleepQuietly(1000);
                continue;
            }
            if (job.isPresent()) {
                runJob(job.get());
            }
        }
    }

    private void runJob(AcquiredJob job) {
        Session session = new Session(job);
        current = session;
        ProvisionerDaemonClient.Watch watch = client.watchCancel(job.jobId(), session::cancel);
        Thread reporter = Thread.ofVirtual().name("provisionerd-" + name + "-reporter").start(session::report);
        Path work = null;
        Optional<JobResult> result = Optional.empty();
        String error = "";
        String errorCode = "";
        byte[] failedState = new byte[0];
        try {
            Provisioner provisioner = provisioners.get(job.provisioner());
            if (provisioner == null) {
                throw new JobFailedException("This daemon cannot run " + job.provisioner().value() + " jobs.");
            }
            session.daemonLog(LogLevel.INFO, "Setting up", "Unpacking the template source.");
            work = Files.createTempDirectory(Files.createDirectories(config.workRoot()), "job-");
            Archives.extract(job.templateSourceArchive(), work);
            result = Optional.of(provisioner.run(job, work, session));
        } catch (JobFailedException e) {
            error = e.getMessage();
            errorCode = e.errorCode();
            failedState = e.state();
        } catch (InterruptedException e) {
            error = "The provisioner daemon stopped while running the job.";
        } catch (IOException e) {
            error = "Cannot unpack the template source: " + e.getMessage();
        } catch (RuntimeException e) {
            log.warn("job {} failed unexpectedly", job.jobId(), e);
            error = e.getMessage() == null ? e.toString() : e.getMessage();
        } finally {
            watch.close();
            if (work != null) {
                Archives.deleteTree(work);
            }
        }
        if (session.canceled() && error.isEmpty()) {
            error = "canceled";
        }
        if (!error.isEmpty()) {
            session.daemonLog(LogLevel.ERROR, "Cleaning Up", error);
        }
        session.finish();
        try {
            reporter.join();
            if (result.isPresent() && error.isEmpty()) {
                client.completeJob(new CompletedJob(job.jobId(), result.get()));
            } else {
                client.failJob(new FailedJob(job.jobId(), error, errorCode, failedState));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("daemon {} cannot report job {}: {}", name, job.jobId(), e.getMessage());
        } finally {
            current = null;
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One running job: its log queue, its cancel state and the reporter that talks to the server. */
    private final class Session implements JobSession {
        private final AcquiredJob job;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final List<Log> pending = new ArrayList<>();
        private final AtomicBoolean canceled = new AtomicBoolean();
        private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
        private boolean finished;

        Session(AcquiredJob job) {
            this.job = job;
        }

        @Override
        public void log(LogLevel level, String stage, String output) {
            add(new Log(LogSource.PROVISIONER, level, clock.instant(), stage, output));
        }

        void daemonLog(LogLevel level, String stage, String output) {
            add(new Log(LogSource.PROVISIONER_DAEMON, level, clock.instant(), stage, output));
        }

        private void add(Log line) {
            lock.lock();
            try {
                pending.add(line);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public List<VariableValue> reportVariables(List<TemplateVariable> variables, String readme) {
            flushNow();
            UpdateJobResponse response = client.updateJob(new UpdateJobRequest(job.jobId(), List.of(), variables, List.of(),
                    readme));
            if (response.canceled()) {
                cancel();
            }
            return response.variableValues();
        }

        @Override
        public boolean canceled() {
            return canceled.get();
        }

        @Override
        public void onCancel(Runnable action) {
            cancelActions.add(action);
            if (canceled.get() && cancelActions.remove(action)) {
                action.run();
            }
        }

        void cancel() {
            if (canceled.compareAndSet(false, true)) {
                log.info("job {} was canceled", job.jobId());
                for (Runnable action : cancelActions) {
                    if (cancelActions.remove(action)) {
                        action.run();
                    }
                }
                lock.lock();
                try {
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }

        void finish() {
            lock.lock();
            try {
                finished = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Sends queued logs, or a heartbeat when none came for a while, until the job finishes. */
        void report() {
            long heartbeatNanos = config.heartbeatInterval().toNanos();
            while (true) {
                List<Log> batch;
                boolean done;
                lock.lock();
                try {
                    long waited = 0;
                    while (pending.isEmpty() && !finished && waited < heartbeatNanos) {
                        long start = System.nanoTime();
                        changed.awaitNanos(heartbeatNanos - waited);
                        waited += System.nanoTime() - start;
                    }
                    if (!pending.isEmpty() && !finished) {
                        // Let a burst of lines gather so that they travel together.
                        changed.awaitNanos(config.logFlushDelay().toNanos());
                    }
                    batch = List.copyOf(pending);
                    pending.clear();
                    done = finished;
                } catch (InterruptedException e) {
                    return;
                } finally {
                    lock.unlock();
                }
                send(batch);
                if (done) {
                    return;
                }
            }
        }

        private void flushNow() {
            List<Log> batch;
            lock.lock();
            try {
                batch = List.copyOf(pending);
                pending.clear();
            } finally {
                lock.unlock();
            }
            if (!batch.isEmpty()) {
                send(batch);
            }
        }

        private void send(List<Log> batch) {
            try {
                UpdateJobResponse response = client.updateJob(UpdateJobRequest.logs(job.jobId(), batch));
                if (response.canceled()) {
                    cancel();
                }
            } catch (RuntimeException e) {
                log.warn("daemon {} cannot update job {}: {}", name, job.jobId(), e.getMessage());
            }
        }
    }

    /** Cancels the running job, stops acquiring and waits (up to {@code timeout}) for the loop to end. */
    public void close(java.time.Duration timeout) {
        closing.set(true);
        Session session = current;
        if (session != null) {
            session.cancel();
        }
        client.close();
        Thread thread = loop;
        if (thread != null) {
            try {
                if (!thread.join(timeout)) {
                    thread.interrupt();
                    thread.join(TimeUnit.SECONDS.toMillis(1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        close(java.time.Duration.ofSeconds(10));
    }
}
