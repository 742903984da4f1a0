package dev.jcoder.coderd.testing;

import dev.jcoder.coderd.database.Database;
import dev.jcoder.coderd.database.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL for the whole test JVM. The schema is migrated once into a template database;
 * {@link #createDatabase()} clones it ({@code CREATE DATABASE ... TEMPLATE ...}), which takes
 * milliseconds, so every test class gets a fresh, isolated database.
 */
public final class TestDatabase {
    private static final String TEMPLATE = "jcoder_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile EmbeddedPostgresServer server;

    private TestDatabase() {}

    /** A JDBC URL of a new database with the current schema. */
    public static String createDatabase() {
        EmbeddedPostgresServer postgres = server();
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(postgres.jdbcUrl("postgres"), "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return postgres.jdbcUrl(name);
    }

    private static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            try {
                Path directory = Files.createTempDirectory("jcoder-test-pg");
                EmbeddedPostgresServer started = EmbeddedPostgresServer.start(directory.resolve("data"));
                execute(started.jdbcUrl("postgres"), "CREATE DATABASE " + TEMPLATE);
                PGSimpleDataSource template = new PGSimpleDataSource();
                template.setUrl(started.jdbcUrl(TEMPLATE));
                Database.migrate(template);
                Runtime.getRuntime().addShutdownHook(new Thread(started::close));
                server = started;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return server;
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run \"" + sql + "\": " + e.getMessage(), e);
        }
    }
}
