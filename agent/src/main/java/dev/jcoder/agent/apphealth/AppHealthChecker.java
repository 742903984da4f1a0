package dev.jcoder.agent.apphealth;

import dev.jcoder.codersdk.WorkspaceApp;
import dev.jcoder.codersdk.WorkspaceAppHealth;
import dev.jcoder.codersdk.agentsdk.AgentClient;
import dev.jcoder.codersdk.agentsdk.PostAppHealthsRequest;
import dev.jcoder.codersdk.agentsdk.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the apps' health checks as Coder's agent does: every {@code interval} seconds a GET of the
 * {@code healthcheck.url}; an answer below 500 makes the app {@code healthy}, {@code threshold}
 * failures in a row make it {@code unhealthy}. Apps start {@code initializing}. Only changes are
 * reported ({@code POST /workspaceagents/me/app-health}), all changes of a moment in one request.
 */
public final class AppHealthChecker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AppHealthChecker.class);

    private final AgentClient client;
    private final RetryPolicy retry;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<UUID, WorkspaceAppHealth> changed = new HashMap<>();

    public AppHealthChecker(AgentClient client, RetryPolicy retry) {
        this.client = client;
        this.retry = retry;
    }

    public void start(List<WorkspaceApp> apps) {
        boolean any = false;
        for (WorkspaceApp app : apps) {
            if (app.healthcheck() != null && !app.healthcheck().url().isBlank() && app.healthcheck().interval() > 0
                    && app.healthcheck().threshold() > 0) {
                threads.submit(() -> checkLoop(app));
                any = true;
            }
        }
        if (any) {
            threads.submit(this::reportLoop);
        }
    }

    private Void checkLoop(WorkspaceApp app) throws InterruptedException {
        Duration interval = Duration.ofSeconds(app.healthcheck().interval());
        int threshold = app.healthcheck().threshold();
        WorkspaceAppHealth health = WorkspaceAppHealth.INITIALIZING;
        int failures = 0;
        while (true) {
            boolean ok = check(app.healthcheck().url(), interval);
            WorkspaceAppHealth next = health;
            if (ok) {
                failures = 0;
                next = WorkspaceAppHealth.HEALTHY;
            } else if (++failures >= threshold) {
                next = WorkspaceAppHealth.UNHEALTHY;
            }
            if (next != health) {
                health = next;
                log.info("app {} is {}", app.slug(), next.value());
                synchronized (this) {
                    changed.put(app.id(), next);
                    notifyAll();
                }
            }
            Thread.sleep(interval);
        }
    }

    private boolean check(String url, Duration interval) throws InterruptedException {
        try {
            Duration timeout = interval.compareTo(Duration.ofSeconds(10)) < 0 ? interval : Duration.ofSeconds(10);
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() < 500;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private Void reportLoop() throws InterruptedException {
        while (true) {
            Map<UUID, WorkspaceAppHealth> batch;
            synchronized (this) {
                while (changed.isEmpty()) {
                    wait();
                }
                batch = Map.copyOf(changed);
                changed.clear();
            }
            try {
                retry.run(() -> {
                    client.postAppHealth(new PostAppHealthsRequest(batch));
                    return null;
                }, e -> log.debug("app health report failed, retrying: {}", e.getMessage()));
            } catch (RuntimeException e) {
                log.warn("coderd refused app health: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
