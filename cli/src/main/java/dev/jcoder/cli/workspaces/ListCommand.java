package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.Style;
import dev.jcoder.cli.output.HasOutput;
import dev.jcoder.cli.output.Output;
import dev.jcoder.cli.output.OutputOptions;
import dev.jcoder.cli.workspaces.schedule.AutostartSchedule;
import dev.jcoder.codersdk.Workspace;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coder list}: your workspaces (or those a search matches, or all with {@code -a}) as a table or JSON. */
@Command(name = "list", aliases = "ls", sortOptions = false, description = {"List workspaces", "",
    "  - Running workspaces of any owner on the \"docker\" template:", "",
    "      $ coder list -a --search \"status:running template:docker\""})
public final class ListCommand implements Runnable, HasOutput {
    static final String DEFAULT_SEARCH = "owner:me";
    static final Output<WorkspaceRow> OUTPUT = Output.table(WorkspaceRow.COLUMNS, WorkspaceRow.DEFAULT_COLUMNS)
            .sortedBy("workspace").withJson(WorkspaceRow::workspace);

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = {"-a", "--all"}, description = "Specifies whether all workspaces will be listed or not.")
    boolean all;

    @Option(names = "--search", paramLabel = "<query>", defaultValue = DEFAULT_SEARCH,
            description = "Search for a workspace with a query, e.g. \"owner:me status:running template:docker\". Default: owner:me.")
    String search;

    @Mixin
    OutputOptions output;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<Workspace> workspaces = global.client().workspaces(query(all, search), 0, 0).workspaces();
        Instant now = Instant.now();
        ZoneId local = AutostartSchedule.localLocation();
        if (workspaces.isEmpty() && output.selectedFormat(OUTPUT) != Output.Format.JSON) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(Style.bold("No workspaces found! Create one:"));
            err.println();
            err.println("  coder create <name>");
            err.println();
            err.flush();
            return;
        }
        output.print(out, OUTPUT, workspaces.stream().map(workspace -> new WorkspaceRow(workspace, now, local)).toList());
    }

    /** {@code -a} drops the default {@code owner:me}; a search given explicitly is kept. */
    static String query(boolean all, String search) {
        String text = search == null ? "" : search.strip();
        return all && text.equals(DEFAULT_SEARCH) ? "" : text;
    }

    @Override
    public Output<?> output() {
        return OUTPUT;
    }
}
