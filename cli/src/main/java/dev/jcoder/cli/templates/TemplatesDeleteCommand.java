package dev.jcoder.cli.templates;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.RootCommand;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.Template;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder templates delete NAME...}. */
@Command(name = "delete", aliases = "rm", description = "Delete templates")
public final class TemplatesDeleteCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "name")
    List<String> names = new ArrayList<>();

    @Option(names = {"-y", "--yes"}, description = "Bypass prompts.")
    boolean yes;

    @Option(names = {"-O", "--org"}, paramLabel = "<string>", defaultValue = "${env:CODER_ORGANIZATION:-default}",
            description = "Select which organization (uuid or name) to use.")
    String organization;

    @Override
    public void run() {
        CoderClient client = global.client();
        PrintWriter out = spec.commandLine().getOut();
        List<Template> templates = names.stream().map(name -> TemplatesPushCommand.findTemplate(client, organization, name)
                .orElseThrow(() -> new CliException("Template \"" + name + "\" does not exist."))).toList();
        if (!yes && !RootCommand.terminal(spec).confirm(out, "Delete these templates: " + String.join(", ", names) + "?")) {
            throw new CliException("Canceled.");
        }
        for (Template template : templates) {
            client.deleteTemplate(template.id());
            out.println("Deleted template \"" + template.name() + "\".");
        }
        out.flush();
    }
}
