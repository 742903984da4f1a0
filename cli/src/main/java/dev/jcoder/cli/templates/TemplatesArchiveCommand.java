package dev.jcoder.cli.templates;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
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

/** {@code coder templates archive NAME [VERSION...]}: archive named versions, or the failed (with --all, every unused) ones. */
@Command(name = "archive", description = "Archive unused or failed template versions from a given template(s)")
public final class TemplatesArchiveCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "template")
    String template;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "version")
    List<String> versions = new ArrayList<>();

    @Option(names = "--all", description = "Include all unused template versions. By default, only failed template versions are archived.")
    boolean all;

    @Option(names = {"-y", "--yes"}, description = "Bypass prompts.")
    boolean yes;

    @Option(names = {"-O", "--org"}, paramLabel = "<string>", defaultValue = "${env:CODER_ORGANIZATION:-default}",
            description = "Select which organization (uuid or name) to use.")
    String organization;

    @Override
    public void run() {
        CoderClient client = global.client();
        PrintWriter out = spec.commandLine().getOut();
        Template found = TemplatesPushCommand.findTemplate(client, organization, template)
                .orElseThrow(() -> new CliException("Template \"" + template + "\" does not exist."));
        if (versions.isEmpty()) {
            var archived = client.archiveTemplateVersions(found.id(), all);
            out.println("Archived " + archived.archivedIds().size() + " versions of \"" + found.name() + "\".");
        } else {
            for (String version : versions) {
                client.archiveTemplateVersion(client.templateVersionOfTemplate(found.id(), version).id());
                out.println("Archived version \"" + version + "\" of \"" + found.name() + "\".");
            }
        }
        out.flush();
    }
}
