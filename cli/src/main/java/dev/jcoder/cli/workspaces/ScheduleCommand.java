package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.output.HasOutput;
import dev.jcoder.cli.output.Output;
import dev.jcoder.cli.output.OutputOptions;
import dev.jcoder.cli.workspaces.schedule.AutostartSchedule;
import dev.jcoder.cli.workspaces.schedule.Durations;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.PutExtendWorkspaceRequest;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.UpdateWorkspaceAutostartRequest;
import dev.jcoder.codersdk.UpdateWorkspaceTTLRequest;
import dev.jcoder.codersdk.Workspace;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder schedule show|start|stop|extend}: a workspace's autostart and autostop. */
@Command(name = "schedule", description = "Schedule automated start and stop times for workspaces",
        customSynopsis = "coder schedule { show | start | stop | extend } <workspace>",
        subcommands = {ScheduleCommand.Show.class, ScheduleCommand.Start.class, ScheduleCommand.Stop.class,
            ScheduleCommand.Extend.class})
public final class ScheduleCommand implements Runnable {
    static final Output<ScheduleRow> OUTPUT = Output.table(ScheduleRow.COLUMNS, ScheduleRow.DEFAULT_COLUMNS).sortedBy("workspace");

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show help.")
    boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the workspace's schedule as it is now on the server, as every schedule command ends. */
    static void display(CoderClient client, Workspace workspace, OutputOptions output, PrintWriter out) {
        Workspace updated = client.workspace(workspace.id());
        output.print(out, OUTPUT, List.of(ScheduleRow.of(updated, Instant.now(), AutostartSchedule.localLocation())));
    }

    @Command(name = "show", sortOptions = false, description = {"Show workspace schedules", "",
        "Shows the following information for the given workspace(s):", "  * The automatic start schedule",
        "  * The next scheduled start time", "  * The duration after which it will stop", "  * The next scheduled stop time"},
            customSynopsis = "coder schedule show [flags] <workspace | --search <query> | --all>")
    public static final class Show implements Runnable, HasOutput {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "<workspace>", description = "The workspace: <name> or <owner>/<name>.")
        String workspaceName;

        @Option(names = {"-a", "--all"}, description = "Specifies whether all workspaces will be listed or not.")
        boolean all;

        @Option(names = "--search", paramLabel = "<query>", defaultValue = ListCommand.DEFAULT_SEARCH,
                description = "Search for a workspace with a query. Default: owner:me.")
        String search;

        @Mixin
        OutputOptions output;

        @Override
        public void run() {
            CoderClient client = global.client();
            PrintWriter out = spec.commandLine().getOut();
            List<Workspace> workspaces;
            if (workspaceName != null && !workspaceName.isBlank()) {
                workspaces = List.of(WorkspaceReference.resolve(client, workspaceName));
            } else {
                workspaces = client.workspaces(ListCommand.query(all, search), 0, 0).workspaces();
            }
            if (workspaces.isEmpty() && output.selectedFormat(OUTPUT) != Output.Format.JSON) {
                spec.commandLine().getErr().println("No schedules found.");
                spec.commandLine().getErr().flush();
                return;
            }
            Instant now = Instant.now();
            ZoneId local = AutostartSchedule.localLocation();
            output.print(out, OUTPUT, workspaces.stream().map(workspace -> ScheduleRow.of(workspace, now, local)).toList());
        }

        @Override
        public Output<?> output() {
            return OUTPUT;
        }
    }

    @Command(name = "start", sortOptions = false, description = {"Edit workspace start schedule", "",
        "Schedules a workspace to regularly start at a specific time.",
        "Schedule format: <start-time> [day-of-week] [location].",
        "  * Start-time (required) is accepted either in 12-hour (hh:mm{am|pm}) format, or 24-hour format hh:mm.",
        "  * Day-of-week (optional) allows specifying in the cron format, e.g. 1,3,5 or Mon-Fri.",
        "    Aliases such as @daily are not supported.", "    Default: * (every day)",
        "  * Location (optional) must be a valid location in the IANA timezone database.",
        "    If omitted, we will fall back to either the TZ environment variable or /etc/localtime.", "",
        "  - Set the workspace to start at 9:30am (in Dublin) from Monday to Friday:", "",
        "      $ coder schedule start my-workspace 9:30AM Mon-Fri Europe/Dublin"},
            customSynopsis = "coder schedule start <workspace-name> { <start-time> [day-of-week] [location] | manual }")
    public static final class Start implements Runnable, HasOutput {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<workspace>", description = "The workspace: <name> or <owner>/<name>.")
        String workspaceName;

        @Parameters(index = "1..*", arity = "1..3", paramLabel = "<schedule>",
                description = "<start-time> [day-of-week] [location], or manual to turn autostart off.")
        List<String> schedule = new ArrayList<>();

        @Mixin
        OutputOptions output;

        @Override
        public void run() {
            CoderClient client = global.client();
            boolean manual = schedule.size() == 1 && schedule.getFirst().equals("manual");
            String cron = manual ? null : AutostartSchedule.fromCli(schedule, AutostartSchedule.localLocation()).cron();
            Workspace workspace = WorkspaceReference.resolve(client, workspaceName);
            if (!manual) {
                Template template = client.template(workspace.templateId());
                // Templates allow every day by default; warn only when they restrict the days.
                if (template.autostartRequirement() != null && template.autostartRequirement().daysOfWeek().size() < 7) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("Warning: your workspace template restricts autostart to the following days: "
                            + String.join(", ", template.autostartRequirement().daysOfWeek()) + ".");
                    err.println("Your workspace may only autostart on these days.");
                    err.flush();
                }
            }
            client.updateWorkspaceAutostart(workspace.id(), new UpdateWorkspaceAutostartRequest(cron));
            display(client, workspace, output, spec.commandLine().getOut());
        }

        @Override
        public Output<?> output() {
            return OUTPUT;
        }
    }

    @Command(name = "stop", sortOptions = false, description = {"Edit workspace stop schedule", "",
        "Schedules a workspace to stop after a given duration has elapsed.",
        "  * Workspace runtime is measured from the time that the workspace build completed.",
        "  * The minimum scheduled stop time is 1 minute.",
        "  * The workspace template may place restrictions on the maximum shutdown time.",
        "  * Changes to workspace schedules only take effect upon the next build of the workspace,",
        "    and do not affect a running instance of a workspace.", "",
        "When enabling scheduled stop, enter a duration in one of the following formats:",
        "  * 3h2m (3 hours and two minutes)", "  * 3h   (3 hours)", "  * 2m   (2 minutes)", "  * 2    (2 minutes)", "",
        "      $ coder schedule stop my-workspace 2h30m"},
            customSynopsis = "coder schedule stop <workspace-name> { <duration> | manual }")
    public static final class Stop implements Runnable, HasOutput {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<workspace>", description = "The workspace: <name> or <owner>/<name>.")
        String workspaceName;

        @Parameters(index = "1", paramLabel = "<duration>", description = "How long the workspace runs after a start, or manual.")
        String duration;

        @Mixin
        OutputOptions output;

        @Override
        public void run() {
            CoderClient client = global.client();
            Long ttlMs = duration.equals("manual") ? null : Durations.parse(duration, "duration").toMillis();
            Workspace workspace = WorkspaceReference.resolve(client, workspaceName);
            client.updateWorkspaceTtl(workspace.id(), new UpdateWorkspaceTTLRequest(ttlMs));
            display(client, workspace, output, spec.commandLine().getOut());
        }

        @Override
        public Output<?> output() {
            return OUTPUT;
        }
    }

    @Command(name = "extend", aliases = "override-stop", sortOptions = false, description = {
        "Extend the stop time of a currently running workspace instance.", "", "Extends the workspace deadline.",
        "  * The new stop time is calculated from *now*.", "  * The new stop time must be at least 30 minutes in the future.",
        "  * The workspace template may restrict the maximum workspace runtime.", "",
        "      $ coder schedule extend my-workspace 90m"},
            customSynopsis = "coder schedule extend <workspace-name> <duration from now>")
    public static final class Extend implements Runnable, HasOutput {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<workspace>", description = "The workspace: <name> or <owner>/<name>.")
        String workspaceName;

        @Parameters(index = "1", paramLabel = "<duration>", description = "How long from now the workspace should keep running.")
        String duration;

        @Mixin
        OutputOptions output;

        @Override
        public void run() {
            CoderClient client = global.client();
            Duration extension = Durations.parse(duration, "duration");
            if (extension.compareTo(Duration.ofMinutes(29)) < 0) {
                throw new CliException("Please specify a duration of at least 30 minutes.");
            }
            Workspace workspace = WorkspaceReference.resolve(client, workspaceName);
            client.extendWorkspace(workspace.id(), new PutExtendWorkspaceRequest(Instant.now().plus(extension)));
            display(client, workspace, output, spec.commandLine().getOut());
        }

        @Override
        public Output<?> output() {
            return OUTPUT;
        }
    }
}
