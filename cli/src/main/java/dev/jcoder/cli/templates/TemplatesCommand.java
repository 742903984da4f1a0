package dev.jcoder.cli.templates;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code coder templates}. */
@Command(name = "templates", aliases = "template", description = {"Manage templates", "",
    "Templates are written in standard Terraform and describe the infrastructure for workspaces", "",
    "  - Create or push an update to the template. Your developers can update their workspaces:", "",
    "      $ coder templates push my-template"},
        subcommands = {
            TemplatesInitCommand.class,
            TemplatesPushCommand.class,
            TemplatesListCommand.class,
            TemplateVersionsCommand.class,
            TemplatesPullCommand.class,
            TemplatesEditCommand.class,
            TemplatesDeleteCommand.class,
            TemplatesArchiveCommand.class,
        })
public final class TemplatesCommand implements Runnable {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show help.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
