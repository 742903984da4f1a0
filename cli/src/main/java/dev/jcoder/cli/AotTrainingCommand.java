package dev.jcoder.cli;

import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.User;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Hidden: exercises the code a typical short command runs (command parsing, JSON, the HTTP client)
 * without a server, so that the build can record a JDK AOT cache from it for fast CLI start-up.
 */
@Command(name = "aot-training", hidden = true, description = "Internal: warm-up run used to build the CLI's AOT cache.")
final class AotTrainingCommand implements Runnable {
    @Override
    public void run() {
        CommandLine tree = RootCommand.commandLine();
        tree.getCommandSpec().subcommands().keySet().forEach(name -> tree.getSubcommands().get(name).getUsageMessage());
        try {
            String json = "{\"id\":\"00000000-0000-0000-0000-000000000001\",\"username\":\"a\",\"email\":\"a@b.c\","
                    + "\"created_at\":\"2026-01-01T00:00:00Z\",\"status\":\"active\",\"login_type\":\"password\",\"roles\":[]}";
            Json.mapper().writeValueAsString(Json.mapper().readValue(json, User.class));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            new CoderClient(URI.create("http://127.0.0.1:" + closedPort)).withToken("aaaaaaaaaa-aaaaaaaaaaaaaaaaaaaaaa").user("me");
        } catch (UncheckedIOException | CoderApiException expected) {
            // Nothing listens there: the point is loading the client's classes.
        }
    }
}
