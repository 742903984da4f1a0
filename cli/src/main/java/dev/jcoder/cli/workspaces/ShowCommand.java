package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.output.HasOutput;
import dev.jcoder.cli.output.Output;
import dev.jcoder.cli.output.OutputOptions;
import dev.jcoder.cli.workspaces.schedule.AutostartSchedule;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceAgent;
import dev.jcoder.codersdk.WorkspaceResource;
import dev.jcoder.codersdk.WorkspaceResourceMetadata;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder show}: a workspace's status, schedule, resources and agents. */
@Command(name = "show", sortOptions = false, description = "Display details of a workspace's resources and agents")
public final class ShowCommand implements Runnable, HasOutput {
    static final Output<Workspace> OUTPUT = Output.text(ShowCommand::describe);

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<workspace>", description = "The workspace: <name> or <owner>/<name>.")
    String workspaceName;

    @Mixin
    OutputOptions output;

    @Override
    public void run() {
        Workspace workspace = WorkspaceReference.resolve(global.client(), workspaceName);
        output.print(spec.commandLine().getOut(), OUTPUT, workspace);
    }

    static String describe(Workspace workspace) {
        StringBuilder text = new StringBuilder();
        WorkspaceRow row = new WorkspaceRow(workspace, Instant.now(), AutostartSchedule.localLocation());
        text.append(workspace.ownerName()).append('/').append(workspace.name()).append("  ")
                .append(WorkspaceRow.displayStatus(workspace.latestBuild())).append('\n');
        text.append("  template:  ").append(workspace.templateName()).append(" @ ")
                .append(workspace.latestBuild().templateVersionName()).append(workspace.outdated() ? " (outdated)" : "").append('\n');
        text.append("  build:     #").append(workspace.latestBuild().buildNumber()).append(' ')
                .append(workspace.latestBuild().transition().value()).append(", ")
                .append(workspace.latestBuild().job().status().value()).append('\n');
        ScheduleRow schedule = row.schedule();
        if (!schedule.startsAt().isEmpty()) {
            text.append("  starts at: ").append(schedule.startsAt()).append(" (next ").append(schedule.startsNext()).append(")\n");
        }
        if (!schedule.stopsAfter().isEmpty()) {
            text.append("  stops after: ").append(schedule.stopsAfter())
                    .append(schedule.stopsNext().isEmpty() ? "" : " (next stop " + schedule.stopsNext() + ")").append('\n');
        }
        List<WorkspaceResource> resources = workspace.latestBuild().resources().stream().filter(resource -> !resource.hide()).toList();
        if (resources.isEmpty()) {
            text.append("  no resources\n");
        }
        for (WorkspaceResource resource : resources) {
            text.append("  ").append(resource.type()).append('.').append(resource.name()).append('\n');
            for (WorkspaceAgent agent : resource.agents()) {
                text.append("    └─ ").append(agent.name()).append(" (").append(agent.operatingSystem()).append(", ")
                        .append(agent.architecture()).append(")  ").append(agent.status().value()).append(", ")
                        .append(agent.lifecycleState().value())
                        .append(agent.health().healthy() ? "" : ", unhealthy: " + agent.health().reason())
                        .append(agent.version() == null || agent.version().isEmpty() ? "" : ", version " + agent.version())
                        .append('\n');
            }
            for (WorkspaceResourceMetadata metadata : resource.metadata()) {
                text.append("    ").append(metadata.key()).append(": ")
                        .append(metadata.sensitive() ? "(sensitive)" : metadata.value()).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    @Override
    public Output<?> output() {
        return OUTPUT;
    }
}
