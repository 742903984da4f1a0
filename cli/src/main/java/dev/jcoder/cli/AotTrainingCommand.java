package dev.jcoder.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jcoder.cli.config.ConfigDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Hidden: runs the code that typical short commands run, so that the build can record a JDK AOT
 * cache from it for fast CLI start-up. It needs no jcoder server: a tiny in-process HTTP stub
 * answers the few API calls with canned JSON, so the real paths run end to end (config directory,
 * option parsing, HTTP client, JSON decoding, text/table/JSON output) and the cache holds their classes.
 */
@Command(name = "aot-training", hidden = true, description = "Internal: warm-up run used to build the CLI's AOT cache.")
final class AotTrainingCommand implements Runnable {
    private static final String TOKEN = "aaaaaaaaaa-aaaaaaaaaaaaaaaaaaaaaa";
    private static final String USER = "{\"id\":\"00000000-0000-0000-0000-000000000001\",\"username\":\"training\","
            + "\"avatar_url\":\"\",\"name\":\"Training\",\"email\":\"training@example.com\","
            + "\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\","
            + "\"last_seen_at\":\"2026-01-01T00:00:00Z\",\"status\":\"active\",\"login_type\":\"password\","
            + "\"theme_preference\":\"\",\"organization_ids\":[\"00000000-0000-0000-0000-000000000002\"],"
            + "\"roles\":[{\"name\":\"owner\",\"display_name\":\"Owner\"}]}";
    private static final Map<String, String> ANSWERS = Map.of(
            "/api/v2/users/me", USER,
            "/api/v2/users", "{\"users\":[" + USER + "],\"count\":1}",
            "/api/v2/users/me/keys/tokens", "[{\"id\":\"aaaaaaaaaa\",\"user_id\":\"00000000-0000-0000-0000-000000000001\","
                    + "\"last_used\":\"0001-01-01T00:00:00Z\",\"expires_at\":\"2027-01-01T00:00:00Z\","
                    + "\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\","
                    + "\"login_type\":\"token\",\"scope\":\"all\",\"token_name\":\"training\",\"lifetime_seconds\":604800}]",
            "/api/v2/buildinfo", "{\"external_url\":\"\",\"version\":\"v0.0.0-devel\",\"dashboard_url\":\"\","
                    + "\"workspace_proxy\":false,\"agent_api_version\":\"1.0\",\"provisioner_api_version\":\"1.0\","
                    + "\"upgrade_message\":\"\",\"deployment_id\":\"\",\"telemetry\":false}");

    @Override
    public void run() {
        CommandLine tree = RootCommand.commandLine();
        tree.getCommandSpec().subcommands().keySet().forEach(name -> tree.getSubcommands().get(name).getUsageMessage());
        HttpServer stub = startStub();
        Path config = null;
        try {
            config = Files.createTempDirectory("jcoder-aot-training");
            URI url = URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
            ConfigDirectory directory = new ConfigDirectory(config);
            directory.saveUrl(url);
            directory.saveSessionToken(TOKEN);
            String global = config.toString();
            for (int round = 0; round < 3; round++) {
                run("whoami", "--global-config", global);
                run("whoami", "-o", "json", "--global-config", global);
                run("users", "list", "--global-config", global);
                run("users", "list", "-o", "json", "--global-config", global);
                run("users", "show", "me", "--global-config", global);
                run("tokens", "list", "--global-config", global);
                run("version", "--global-config", global);
                run("whoami", "--url", url.toString(), "--token", TOKEN);
            }
            // The error path: a session for a server that is not running.
            run("whoami", "--url", "http://127.0.0.1:" + closedPort(), "--token", TOKEN);
            run("whoami", "--global-config", config.resolve("empty").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            stub.stop(0);
            if (config != null) {
                deleteRecursively(config);
            }
        }
    }

    private static void run(String... args) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        Main.run(discard, discard, new ByteArrayInputStream(new byte[0]), args);
    }

    private static HttpServer startStub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", AotTrainingCommand::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = ANSWERS.getOrDefault(path, "{\"message\":\"Route not found.\"}");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(ANSWERS.containsKey(path) ? 200 : 404, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int closedPort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
