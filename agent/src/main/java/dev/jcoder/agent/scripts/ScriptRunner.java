package dev.jcoder.agent.scripts;

import dev.jcoder.agent.logs.LogSender;
import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.WorkspaceAgentScript;
import dev.jcoder.codersdk.agentsdk.Log;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an agent's scripts as Coder's agent does: every {@code run_on_start} script at once when the
 * agent starts, every {@code run_on_stop} script at once when it stops, and {@code cron} scripts on
 * their schedule until it stops. Each script is written to {@code <script data dir>/coder-script-<id>.sh}
 * and run with {@code sh -c}, in the workspace directory, with the session environment plus
 * {@code CODER_SCRIPT_DATA_DIR} and {@code CODER_SCRIPT_BIN_DIR} (also prepended to {@code PATH}).
 * Its output goes line by line to its log source and to its log file.
 */
public final class ScriptRunner implements AutoCloseable {
    /** The combined result of a set of scripts. */
    public enum Result { SUCCEEDED, FAILED, TIMED_OUT }

    private static final Logger log = LoggerFactory.getLogger(ScriptRunner.class);

    private final List<WorkspaceAgentScript> scripts;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path logDir;
    private final Path dataDir;
    private final LogSender logs;
    private final InstantSource clock;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> cronLoops = new ArrayList<>();

    public ScriptRunner(List<WorkspaceAgentScript> scripts, Map<String, String> environment, Path workingDirectory,
            Path logDir, Path dataDir, LogSender logs, InstantSource clock) {
        this.scripts = List.copyOf(scripts);
        this.logDir = logDir;
        this.dataDir = dataDir;
        this.logs = logs;
        this.clock = clock;
        this.workingDirectory = Files.isDirectory(workingDirectory) ? workingDirectory : Path.of(System.getProperty("user.home"));
        Map<String, String> env = new HashMap<>(environment);
        Path binDir = dataDir.resolve("bin");
        env.put("CODER_SCRIPT_DATA_DIR", dataDir.toString());
        env.put("CODER_SCRIPT_BIN_DIR", binDir.toString());
        env.put("PATH", binDir + ":" + env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        this.environment = Map.copyOf(env);
    }

    /** True when some start script must finish before users log in ({@code start_blocks_login}). */
    public boolean hasLoginBlockingScripts() {
        return scripts.stream().anyMatch(s -> s.runOnStart() && s.startBlocksLogin());
    }

    public Result runStartScripts() throws InterruptedException {
        return runAll(WorkspaceAgentScript::runOnStart);
    }

    public Result runStopScripts() throws InterruptedException {
        return runAll(WorkspaceAgentScript::runOnStop);
    }

    /** Starts one loop per {@code cron} script; {@link #close()} stops them. */
    public synchronized void startCron() {
        for (WorkspaceAgentScript script : scripts) {
            if (script.cron() == null || script.cron().isBlank()) {
                continue;
            }
            CronSchedule schedule;
            try {
                schedule = CronSchedule.parse(script.cron(), ZoneId.systemDefault());
            } catch (IllegalArgumentException e) {
                log.warn("script \"{}\" has an invalid cron schedule: {}", script.displayName(), e.getMessage());
                logs.enqueue(script.logSourceId(), new Log(clock.instant(),
                        "Invalid cron schedule \"" + script.cron() + "\": " + e.getMessage(), LogLevel.ERROR));
                continue;
            }
            cronLoops.add(threads.submit(() -> cronLoop(script, schedule)));
        }
    }

    /** Stops cron loops and kills running scripts. */
    public synchronized void stopCron() {
        cronLoops.forEach(loop -> loop.cancel(true));
        cronLoops.clear();
    }

    private Void cronLoop(WorkspaceAgentScript script, CronSchedule schedule) throws InterruptedException {
        Instant next = schedule.next(clock.instant());
        while (true) {
            Duration wait = Duration.between(clock.instant(), next);
            if (!wait.isNegative()) {
                Thread.sleep(wait);
            }
            run(script);
            next = schedule.next(clock.instant());
        }
    }

    private Result runAll(Predicate<WorkspaceAgentScript> which) throws InterruptedException {
        List<Future<ScriptProcess.Outcome>> running = new ArrayList<>();
        for (WorkspaceAgentScript script : scripts) {
            if (which.test(script)) {
                running.add(threads.submit(() -> run(script)));
            }
        }
        Result result = Result.SUCCEEDED;
        for (Future<ScriptProcess.Outcome> future : running) {
            try {
                ScriptProcess.Outcome outcome = future.get();
                if (outcome.timedOut()) {
                    result = Result.TIMED_OUT;
                } else if (!outcome.succeeded() && result == Result.SUCCEEDED) {
                    result = Result.FAILED;
                }
            } catch (ExecutionException e) {
                if (result == Result.SUCCEEDED) {
                    result = Result.FAILED;
                }
            } catch (InterruptedException e) {
                running.forEach(f -> f.cancel(true));
                throw e;
            }
        }
        return result;
    }

    /** Runs one script to its end; failures to even start it are logged to its source as errors. */
    ScriptProcess.Outcome run(WorkspaceAgentScript script) throws InterruptedException {
        String name = script.displayName() == null || script.displayName().isEmpty() ? script.id().toString() : script.displayName();
        Path logFile = logFile(script);
        try (BufferedWriter file = openLog(logFile)) {
            Path scriptFile = writeScript(script);
            log.info("running script \"{}\" (log {})", name, logFile);
            ScriptProcess.Outcome outcome = ScriptProcess.run(scriptFile.toString(), environment, workingDirectory,
                    Duration.ofNanos(script.timeout()), line -> {
                        logs.enqueue(script.logSourceId(), new Log(clock.instant(), line, LogLevel.INFO));
                        writeLine(file, line);
                    });
            if (outcome.timedOut()) {
                String message = "Script \"" + name + "\" timed out after " + Duration.ofNanos(script.timeout()).toSeconds()
                        + " s and was killed.";
                logs.enqueue(script.logSourceId(), new Log(clock.instant(), message, LogLevel.ERROR));
                writeLine(file, message);
                log.warn(message);
            } else if (outcome.exitCode() != 0) {
                String message = "Script \"" + name + "\" exited with code " + outcome.exitCode() + ".";
                logs.enqueue(script.logSourceId(), new Log(clock.instant(), message, LogLevel.ERROR));
                log.warn(message);
            } else {
                log.info("script \"{}\" succeeded", name);
            }
            return outcome;
        } catch (IOException e) {
            String message = "Cannot run script \"" + name + "\": " + e.getMessage();
            logs.enqueue(script.logSourceId(), new Log(clock.instant(), message, LogLevel.ERROR));
            log.warn(message);
            return new ScriptProcess.Outcome(-1, false);
        }
    }

    private Path logFile(WorkspaceAgentScript script) {
        String path = script.logPath() == null || script.logPath().isEmpty() ? "coder-script-" + script.logSourceId() + ".log" : script.logPath();
        if (path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(path.substring(2));
        }
        return logDir.resolve(path);
    }

    private static BufferedWriter openLog(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    private static void writeLine(BufferedWriter file, String line) {
        try {
            file.write(line);
            file.newLine();
            file.flush();
        } catch (IOException e) {
            // The log file is a convenience; the line still went to coderd.
        }
    }

    private Path writeScript(WorkspaceAgentScript script) throws IOException {
        Files.createDirectories(dataDir.resolve("bin"));
        Path file = dataDir.resolve("coder-script-" + script.id() + ".sh");
        Files.writeString(file, script.script() == null ? "" : script.script(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    @Override
    public void close() {
        stopCron();
        threads.shutdownNow();
    }
}
