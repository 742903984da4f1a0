package dev.jcoder.cli.templates;

import dev.jcoder.cli.CliException;
import dev.jcoder.coderd.templates.TemplateExamples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder templates init [DIR] [--id ID]}: write a starter template bundled with this build. */
@Command(name = "init", description = "Get started with a templated template.")
public final class TemplatesInitCommand implements Runnable {
    @CommandLine.Mixin
    dev.jcoder.cli.GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "directory")
    Path directory;

    @Option(names = "--id", paramLabel = "<id>", description = "Specify a given example template by ID (local, docker, kubernetes...).")
    String id;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<TemplateExamples.Starter> starters = TemplateExamples.starters();
        if (starters.isEmpty()) {
            throw new CliException("No starter templates are bundled with this build yet (they arrive with the Terraform "
                    + "provisioner: local, docker, kubernetes). Write a Terraform template in a directory and run "
                    + "'coder templates push <name> --directory <dir>'.");
        }
        if (id == null) {
            out.println("Starter templates (choose one with --id):");
            for (TemplateExamples.Starter starter : starters) {
                out.println("  " + starter.example().id() + "  " + starter.example().description());
            }
            out.flush();
            return;
        }
        TemplateExamples.Starter starter = starters.stream().filter(s -> s.example().id().equals(id)).findFirst()
                .orElseThrow(() -> new CliException("There is no starter template \"" + id + "\"; choose one of: "
                        + String.join(", ", starters.stream().map(s -> s.example().id()).toList()) + "."));
        Path target = directory != null ? directory : Path.of(id);
        try {
            for (String file : starter.files()) {
                Path destination = target.resolve(file).normalize();
                if (!destination.startsWith(target.normalize())) {
                    throw new CliException("The starter's file \"" + file + "\" leaves the target directory.");
                }
                Files.createDirectories(destination.getParent());
                Files.write(destination, TemplateExamples.file(id, file).orElseThrow(
                        () -> new CliException("The starter's file \"" + file + "\" is missing from this build.")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("Extracted " + id + " to " + target);
        out.println("Create your template by running:\n\n  cd " + target + " && coder templates push");
        out.flush();
    }
}
