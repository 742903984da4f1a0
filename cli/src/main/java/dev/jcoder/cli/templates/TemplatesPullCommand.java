package dev.jcoder.cli.templates;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder templates pull NAME [DIR]}: the source of the active (or a named) version. */
@Command(name = "pull", description = "Download the active, latest, or specified version of a template to a path.")
public final class TemplatesPullCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "name")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "destination")
    Path destination;

    @Option(names = "--tar", description = "Output the template as a tar archive to stdout.")
    boolean tar;

    @Option(names = "--zip", description = "Output the template as a zip archive to stdout.")
    boolean zip;

    @Option(names = "--version", paramLabel = "<string>", description = "The name of the template version to pull. Use 'active' to pull the active version.")
    String version = "active";

    @Option(names = {"-O", "--org"}, paramLabel = "<string>", defaultValue = "${env:CODER_ORGANIZATION:-default}",
            description = "Select which organization (uuid or name) to use.")
    String organization;

    @Override
    public void run() {
        CoderClient client = global.client();
        Template template = TemplatesPushCommand.findTemplate(client, organization, name)
                .orElseThrow(() -> new CliException("Template \"" + name + "\" does not exist."));
        TemplateVersion chosen = version.equals("active") ? client.templateVersion(template.activeVersionId())
                : client.templateVersionOfTemplate(template.id(), version);
        if (tar || zip) {
            byte[] bytes = client.downloadFile(chosen.job().fileId(), zip ? "zip" : "");
            spec.commandLine().getOut().flush();
            System.out.write(bytes, 0, bytes.length);
            System.out.flush();
            return;
        }
        byte[] archive = client.downloadFile(chosen.job().fileId(), "");
        Path target = destination != null ? destination : Path.of(name);
        try {
            if (Files.isDirectory(target)) {
                try (Stream<Path> entries = Files.list(target)) {
                    if (entries.findAny().isPresent()) {
                        throw new CliException("Directory \"" + target + "\" is not empty; pull into an empty or new directory.");
                    }
                }
            }
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SourceArchive.unpack(archive, target);
        spec.commandLine().getOut().println("Pulled version \"" + chosen.name() + "\" of \"" + name + "\" into " + target);
        spec.commandLine().getOut().flush();
    }
}
