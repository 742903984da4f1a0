package dev.jcoder.cli.templates;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.output.Column;
import dev.jcoder.cli.output.HasOutput;
import dev.jcoder.cli.output.Output;
import dev.jcoder.cli.output.OutputOptions;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateVersion;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder templates versions}. */
@Command(name = "versions", aliases = "version", description = "Manage different versions of the specified template",
        subcommands = TemplateVersionsCommand.ListVersions.class)
public final class TemplateVersionsCommand implements Runnable {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show help.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A version with whether it is the template's active one. */
    record Row(TemplateVersion version, boolean active) {}

    static final Output<Row> OUTPUT = Output.table(List.of(
            new Column<Row>("name", row -> row.version().name()),
            new Column<Row>("created at", row -> row.version().createdAt()),
            new Column<Row>("created by", row -> row.version().createdBy().username()),
            new Column<Row>("status", row -> row.version().job().status().value()),
            new Column<Row>("active", row -> row.active() ? "Active" : ""),
            new Column<Row>("archived", row -> row.version().archived() ? "Archived" : ""),
            new Column<Row>("id", row -> row.version().id())),
            "name", "created at", "created by", "status", "active");

    /** {@code coder templates versions list NAME}. */
    @Command(name = "list", aliases = "ls", description = "List all the versions of the specified template")
    public static final class ListVersions implements Runnable, HasOutput {
        @Mixin
        GlobalOptions global;

        @Mixin
        OutputOptions output;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "template")
        String template;

        @Option(names = "--include-archived", description = "Include archived versions in the result list.")
        boolean includeArchived;

        @Option(names = {"-O", "--org"}, paramLabel = "<string>", defaultValue = "${env:CODER_ORGANIZATION:-default}",
                description = "Select which organization (uuid or name) to use.")
        String organization;

        @Override
        public void run() {
            CoderClient client = global.client();
            Template found = TemplatesPushCommand.findTemplate(client, organization, template)
                    .orElseThrow(() -> new CliException("Template \"" + template + "\" does not exist."));
            List<Row> rows = client.templateVersions(found.id(), includeArchived).reversed().stream()
                    .map(version -> new Row(version, version.id().equals(found.activeVersionId()))).toList();
            output.print(spec.commandLine().getOut(), OUTPUT, rows);
        }

        @Override
        public Output<?> output() {
            return OUTPUT;
        }
    }
}
