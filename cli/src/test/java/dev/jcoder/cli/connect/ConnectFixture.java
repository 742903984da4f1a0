package dev.jcoder.cli.connect;

import dev.jcoder.agent.Agent;
import dev.jcoder.agent.AgentOptions;
import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTemplateRequest;
import dev.jcoder.codersdk.CreateWorkspaceRequest;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceAgent;
import dev.jcoder.codersdk.WorkspaceAgentStatus;
import dev.jcoder.codersdk.WorkspaceResource;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * An in-process coderd (embedded PostgreSQL, echo provisioner) with one workspace whose agent runs
 * in this JVM and is connected: what the connect tests talk to. Also a {@code coder} launcher
 * script running this test classpath, for OpenSSH's ProxyCommand and for commands that run until
 * killed (port-forward).
 */
public final class ConnectFixture implements AutoCloseable {
    public final TestCoderd server;
    public final CoderClient owner;
    public final ProvisionerDaemons daemons;
    public final Workspace workspace;
    public final WorkspaceAgent agent;
    public final Agent runningAgent;
    public final Path directory;
    public final Path configDirectory;
    public final Path launcher;

    private ConnectFixture(TestCoderd server, CoderClient owner, ProvisionerDaemons daemons, Workspace workspace,
            WorkspaceAgent agent, Agent runningAgent, Path directory) throws IOException {
        this.server = server;
        this.owner = owner;
        this.daemons = daemons;
        this.workspace = workspace;
        this.agent = agent;
        this.runningAgent = runningAgent;
        this.directory = directory;
        this.configDirectory = directory.resolve("coder-config");
        new dev.jcoder.cli.config.ConfigDirectory(configDirectory).saveUrl(server.url());
        new dev.jcoder.cli.config.ConfigDirectory(configDirectory).saveSessionToken(owner.sessionToken().orElseThrow());
        this.launcher = directory.resolve("coder");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
                + " --enable-native-access=ALL-UNNAMED -cp '" + System.getProperty("java.class.path")
                + "' dev.jcoder.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    public static ConnectFixture start() throws IOException {
        Path directory = Files.createTempDirectory("connect-test");
        TestCoderd server = TestCoderd.start();
        CoderClient owner = server.createFirstUser();
        ProvisionerDaemons daemons = EchoTemplates.startDaemons(server, owner, 1);
        String token = UUID.randomUUID().toString();
        Map<String, Object> agentDefinition = new LinkedHashMap<>();
        agentDefinition.put("name", "main");
        agentDefinition.put("auth_token", token);
        agentDefinition.put("directory", directory.toString());
        Map<String, Object> resource = Map.of("name", "dev", "type", "null_resource", "agents", List.of(agentDefinition));
        TemplateVersion version = EchoTemplates.createVersion(owner, EchoTemplates.echo(
                Map.of("resources", List.of(resource), "build", Map.of("resources", List.of(resource)))));
        EchoTemplates.awaitCompleted(owner, version.id());
        var template = owner.createTemplate("default", CreateTemplateRequest.of(TestCoderd.uniqueName("t"), version.id()));
        Workspace created = owner.createWorkspace("me", new CreateWorkspaceRequest(template.id(), null,
                TestCoderd.uniqueName("ws"), null, null, List.of(), null, null));
        await("workspace build").until(() -> owner.workspace(created.id()).latestBuild().job().completed());
        Workspace workspace = owner.workspace(created.id());
        WorkspaceAgent agent = workspace.latestBuild().resources().stream().map(WorkspaceResource::agents)
                .flatMap(List::stream).findFirst().orElseThrow();
        Agent running = new Agent(new AgentOptions(server.url(), token, "token", directory.resolve("agent-logs"),
                directory.resolve("agent-scripts"), "v0.0.0-test"), InstantSource.system());
        Thread.ofPlatform().daemon().name("test-agent").start(() -> {
            try {
                running.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await("agent connected").until(() -> owner.workspaceAgent(agent.id()).status() == WorkspaceAgentStatus.CONNECTED);
        return new ConnectFixture(server, owner, daemons, workspace, agent, running, directory);
    }

    static org.awaitility.core.ConditionFactory await(String what) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50));
    }

    /** What one in-process {@code coder} command line did. */
    public record Result(int exitCode, String out, String err) {}

    /** Runs {@code coder <args>} in-process with the fixture's config directory (given before the arguments). */
    public Result coder(String input, Path config, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>();
        all.add(args[0]);
        all.add("--global-config");
        all.add(config.toString());
        all.addAll(List.of(args).subList(1, args.length));
        int code = dev.jcoder.cli.Main.run(new PrintWriter(out), new PrintWriter(err),
                new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    public Result coder(String... args) {
        return coder("", configDirectory, args);
    }

    @Override
    public void close() {
        try {
            runningAgent.stop(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        daemons.close();
        server.close();
    }
}
