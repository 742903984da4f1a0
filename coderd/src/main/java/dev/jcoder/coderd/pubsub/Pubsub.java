package dev.jcoder.coderd.pubsub;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN/NOTIFY} pubsub. {@link #publish} uses a pooled connection (inside a transaction
 * the notification is delivered at commit, use {@link #publishSql}); {@link #subscribe} returns
 * once the channel is listened to, so a subscriber that then reads the database misses nothing.
 */
public final class Pubsub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pubsub.class);
    /** How long one wait for notifications lasts; subscription changes are applied between waits. */
    private static final int WAIT_MILLIS = 50;

    private final String jdbcUrl;
    private final DataSource publishing;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean closing;
    private Connection connection;

    private record Command(String channel, boolean listen, CompletableFuture<Void> done) {}

    private Pubsub(String jdbcUrl, DataSource publishing) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.publishing = Objects.requireNonNull(publishing, "publishing");
        this.thread = Thread.ofPlatform().daemon().name("pubsub-listener").unstarted(this::run);
    }

    /** Opens the listening connection and starts its thread. */
    public static Pubsub start(String jdbcUrl, DataSource publishing) {
        Pubsub pubsub = new Pubsub(jdbcUrl, publishing);
        pubsub.connection = pubsub.connect();
        pubsub.thread.start();
        return pubsub;
    }

    /** A subscription; closing it stops the callbacks. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Calls {@code listener} with each payload published on {@code channel}, on the listener thread.
     * Returns once the channel is being listened to.
     */
    public Subscription subscribe(String channel, Consumer<String> listener) {
        Objects.requireNonNull(listener, "listener");
        List<Consumer<String>> channelListeners = listeners.computeIfAbsent(channel, key -> new CopyOnWriteArrayList<>());
        boolean first;
        synchronized (channelListeners) {
            first = channelListeners.isEmpty();
            channelListeners.add(listener);
        }
        if (first) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            commands.add(new Command(channel, true, done));
            try {
                done.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while subscribing to " + channel + ".", e);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot listen to " + channel + ": " + e.getMessage(), e);
            }
        }
        return () -> {
            synchronized (channelListeners) {
                channelListeners.remove(listener);
                if (channelListeners.isEmpty() && !closing) {
                    commands.add(new Command(channel, false, new CompletableFuture<>()));
                }
            }
        };
    }

    /** Publishes {@code payload} (at most 8000 bytes) on {@code channel}. */
    public void publish(String channel, String payload) {
        try (Connection c = publishing.getConnection(); PreparedStatement statement = c.prepareStatement(publishSql())) {
            statement.setString(1, channel);
            statement.setString(2, payload);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot publish on " + channel + ": " + e.getMessage(), e);
        }
    }

    /** The SQL that publishes (parameters: channel, payload), to run inside a caller's transaction. */
    public static String publishSql() {
        return "SELECT pg_notify(?, ?)";
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    private Connection connect() {
        try {
            Connection c = DriverManager.getConnection(jdbcUrl);
            c.setAutoCommit(true);
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the pubsub connection: " + e.getMessage(), e);
        }
    }

    private void run() {
        try {
            while (!closing) {
                try {
                    applyCommands();
                    PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification.getName(), notification.getParameter());
                        }
                    }
                } catch (SQLException e) {
                    if (closing) {
                        break;
                    }
                    log.warn("pubsub connection lost, reconnecting: {}", e.getMessage());
                    reconnect();
                }
            }
        } finally {
            closeQuietly();
            stopped.complete(null);
        }
    }

    private void applyCommands() throws SQLException {
        Command command;
        while ((command = commands.poll()) != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute((command.listen() ? "LISTEN " : "UNLISTEN ") + quote(command.channel()));
                command.done().complete(null);
            } catch (SQLException e) {
                command.done().completeExceptionally(e);
                throw e;
            }
        }
    }

    private void reconnect() {
        closeQuietly();
        Duration backoff = Duration.ofMillis(100);
        while (!closing) {
            try {
                connection = connect();
                try (Statement statement = connection.createStatement()) {
                    for (String channel : Set.copyOf(listeners.keySet())) {
                        if (!listeners.get(channel).isEmpty()) {
                            statement.execute("LISTEN " + quote(channel));
                        }
                    }
                }
                // Anything may have been published while we were away: every subscriber re-reads.
                listeners.forEach((channel, list) -> list.forEach(listener -> call(channel, listener, "")));
                return;
            } catch (RuntimeException | SQLException e) {
                log.warn("pubsub reconnect failed: {}", e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            }
        }
    }

    private void dispatch(String channel, String payload) {
        List<Consumer<String>> channelListeners = listeners.get(channel);
        if (channelListeners != null) {
            for (Consumer<String> listener : channelListeners) {
                call(channel, listener, payload);
            }
        }
    }

    private static void call(String channel, Consumer<String> listener, String payload) {
        try {
            listener.accept(payload);
        } catch (RuntimeException e) {
            log.error("pubsub listener on {} failed", channel, e);
        }
    }

    private static String quote(String channel) {
        return "\"" + channel.replace("\"", "\"\"") + "\"";
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the pubsub connection: {}", e.getMessage());
            }
        }
    }

    /** Stops the listener thread and closes its connection; waits for the thread to end. */
    @Override
    public void close() {
        closing = true;
        try {
            stopped.get(5, TimeUnit.SECONDS);
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            thread.interrupt();
        }
    }
}
