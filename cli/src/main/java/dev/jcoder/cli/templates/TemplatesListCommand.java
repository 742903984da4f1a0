package dev.jcoder.cli.templates;

import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.output.Column;
import dev.jcoder.cli.output.HasOutput;
import dev.jcoder.cli.output.Output;
import dev.jcoder.cli.output.OutputOptions;
import dev.jcoder.codersdk.Template;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code coder templates list}: templates in every organization you can see. */
@Command(name = "list", aliases = "ls", description = "List all the templates available for the organization")
public final class TemplatesListCommand implements Runnable, HasOutput {
    static final Output<Template> OUTPUT = Output.table(List.of(
            new Column<Template>("name", Template::name),
            new Column<Template>("created at", Template::createdAt),
            new Column<Template>("last updated", Template::updatedAt),
            new Column<Template>("organization id", Template::organizationId),
            new Column<Template>("organization name", Template::organizationName),
            new Column<Template>("provisioner", t -> t.provisioner().value()),
            new Column<Template>("active version id", Template::activeVersionId),
            new Column<Template>("used by", t -> t.activeUserCount() == 1 ? "1 developer" : t.activeUserCount() + " developers"),
            new Column<Template>("default ttl", t -> Duration.ofMillis(t.defaultTtlMs()))),
            "name", "organization name", "last updated", "used by");

    @Mixin
    GlobalOptions global;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        List<Template> templates = global.client().allTemplates("");
        if (templates.isEmpty() && !output.columnsChosen()) {
            spec.commandLine().getErr().println("No templates found! Create one:\n\n  coder templates push <directory>");
            spec.commandLine().getErr().flush();
            return;
        }
        output.print(spec.commandLine().getOut(), OUTPUT, templates);
    }

    @Override
    public Output<?> output() {
        return OUTPUT;
    }
}
