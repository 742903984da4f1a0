package dev.jcoder.cli.connect;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.workspaces.WorkspaceReference;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateWorkspaceBuildRequest;
import dev.jcoder.codersdk.StartupScriptBehavior;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceAgent;
import dev.jcoder.codersdk.WorkspaceAgentLifecycle;
import dev.jcoder.codersdk.WorkspaceAgentStatus;
import dev.jcoder.codersdk.WorkspaceResource;
import dev.jcoder.codersdk.WorkspaceStatus;
import dev.jcoder.codersdk.WorkspaceTransition;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The agent a command connects to, named as Coder does: {@code [owner/]workspace[.agent]} (the
 * agent may be left out when the workspace has one). Before connecting, a stopped workspace is
 * started (unless autostart is disabled), a running build is waited for, then the agent's
 * connection, and with {@code --wait} its startup scripts.
 */
public record AgentTarget(Workspace workspace, WorkspaceAgent agent) {
    /** Coder's {@code --wait}: wait for the startup scripts ({@code yes}), not ({@code no}), or as the template says. */
    public enum Wait {
        YES, NO, AUTO;

        public static Wait parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CliException("Invalid value for --wait: \"" + value + "\" (use yes, no or auto).");
            }
        }
    }

    private static final Duration POLL = Duration.ofMillis(250);

    /** Workspace and agent name parts of {@code [owner/]workspace[.agent]}. */
    static String[] split(String identifier) {
        String text = identifier.strip();
        int slash = text.indexOf('/');
        int dot = text.indexOf('.', slash + 1);
        return dot < 0 ? new String[] {text, ""} : new String[] {text.substring(0, dot), text.substring(dot + 1)};
    }

    /** Resolves, starts if needed and waits as told; progress goes to {@code err}. */
    public static AgentTarget connectable(CoderClient client, String identifier, Wait wait, boolean autostart,
            PrintWriter err) {
        String[] parts = split(identifier);
        Workspace workspace = WorkspaceReference.resolve(client, parts[0]);
        workspace = started(client, workspace, autostart, err);
        WorkspaceAgent agent = pickAgent(workspace, parts[1]);
        agent = awaitConnected(client, agent, err);
        boolean scripts = wait == Wait.YES
                || (wait == Wait.AUTO && agent.startupScriptBehavior() == StartupScriptBehavior.BLOCKING);
        if (scripts) {
            agent = awaitReady(client, agent, err);
        }
        return new AgentTarget(workspace, agent);
    }

    private static Workspace started(CoderClient client, Workspace workspace, boolean autostart, PrintWriter err) {
        WorkspaceStatus status = workspace.status();
        return switch (status) {
            case RUNNING -> workspace;
            case DELETING, DELETED -> throw new CliException("Workspace \"" + workspace.name() + "\" is " + status.value() + ".");
            case PENDING, STARTING, STOPPING, CANCELING -> started(client, awaitBuild(client, workspace, err), autostart, err);
            case STOPPED, FAILED, CANCELED -> {
                if (!autostart) {
                    throw new CliException("Workspace \"" + workspace.name() + "\" is " + status.value()
                            + "; start it with: coder start " + workspace.name());
                }
                err.println("Workspace was " + status.value() + ", starting workspace to allow connecting to \""
                        + workspace.name() + "\"...");
                err.flush();
                client.createWorkspaceBuild(workspace.id(), CreateWorkspaceBuildRequest.of(WorkspaceTransition.START));
                Workspace built = awaitBuild(client, client.workspace(workspace.id()), err);
                if (built.status() != WorkspaceStatus.RUNNING) {
                    throw new CliException("Workspace \"" + workspace.name() + "\" did not start (" + built.status().value() + ").");
                }
                yield built;
            }
        };
    }

    private static Workspace awaitBuild(CoderClient client, Workspace workspace, PrintWriter err) {
        err.println("Waiting for the build of \"" + workspace.name() + "\" to finish...");
        err.flush();
        Workspace current = workspace;
        while (!current.latestBuild().job().completed()) {
            pause();
            current = client.workspace(workspace.id());
        }
        if (current.status() == WorkspaceStatus.FAILED && current.latestBuild().transition() == WorkspaceTransition.START
                && workspace.latestBuild().id().equals(current.latestBuild().id())) {
            throw new CliException("The build of workspace \"" + workspace.name() + "\" failed: "
                    + current.latestBuild().job().error());
        }
        return current;
    }

    private static WorkspaceAgent pickAgent(Workspace workspace, String agentName) {
        List<WorkspaceAgent> agents = workspace.latestBuild().resources().stream().map(WorkspaceResource::agents)
                .flatMap(List::stream).toList();
        if (agents.isEmpty()) {
            throw new CliException("Workspace \"" + workspace.name() + "\" has no agents.");
        }
        if (agentName.isEmpty()) {
            if (agents.size() > 1) {
                throw new CliException("Workspace \"" + workspace.name() + "\" has multiple agents ("
                        + String.join(", ", agents.stream().map(WorkspaceAgent::name).toList())
                        + "); name one: " + workspace.name() + ".<agent>");
            }
            return agents.getFirst();
        }
        return agents.stream().filter(a -> a.name().equals(agentName)).findFirst().orElseThrow(() -> new CliException(
                "Agent \"" + agentName + "\" not found in workspace \"" + workspace.name() + "\"."));
    }

    private static WorkspaceAgent awaitConnected(CoderClient client, WorkspaceAgent agent, PrintWriter err) {
        WorkspaceAgent current = agent;
        boolean told = false;
        while (current.status() != WorkspaceAgentStatus.CONNECTED) {
            if (!told) {
                err.println("Waiting for the workspace agent to connect (status " + current.status().value() + ")...");
                err.flush();
                told = true;
            }
            pause();
            current = client.workspaceAgent(agent.id());
        }
        return current;
    }

    private static WorkspaceAgent awaitReady(CoderClient client, WorkspaceAgent agent, PrintWriter err) {
        WorkspaceAgent current = agent;
        boolean told = false;
        while (current.lifecycleState() == WorkspaceAgentLifecycle.CREATED || current.lifecycleState() == WorkspaceAgentLifecycle.STARTING) {
            if (!told) {
                err.println("Waiting for the workspace's startup scripts to finish...");
                err.flush();
                told = true;
            }
            pause();
            current = client.workspaceAgent(agent.id());
        }
        if (current.lifecycleState() == WorkspaceAgentLifecycle.START_ERROR) {
            err.println("Warning: a startup script exited with an error; the workspace may be incomplete.");
        } else if (current.lifecycleState() == WorkspaceAgentLifecycle.START_TIMEOUT) {
            err.println("Warning: the startup scripts timed out; the workspace may be incomplete.");
        }
        err.flush();
        return current;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while waiting for the workspace.");
        }
    }
}
