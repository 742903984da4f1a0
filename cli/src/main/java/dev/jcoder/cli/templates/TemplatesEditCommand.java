package dev.jcoder.cli.templates;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.GoDuration;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.UpdateTemplateMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder templates edit NAME}: change a template's settings; flags not given keep their value. */
@Command(name = "edit", description = "Edit the metadata of a template by name.")
public final class TemplatesEditCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "template")
    String template;

    @Option(names = "--name", paramLabel = "<string>", description = "Edit the template name.")
    String name;

    @Option(names = "--display-name", paramLabel = "<string>", description = "Edit the template display name.")
    String displayName;

    @Option(names = "--description", paramLabel = "<string>", description = "Edit the template description.")
    String description;

    @Option(names = "--icon", paramLabel = "<string>", description = "Edit the template icon path.")
    String icon;

    @Option(names = "--default-ttl", paramLabel = "<duration>", description = "Edit the template default time before shutdown (e.g. 8h, 0 to disable).")
    String defaultTtl;

    @Option(names = "--activity-bump", paramLabel = "<duration>", description = "Edit the template activity bump (e.g. 1h, 0 to disable).")
    String activityBump;

    @Option(names = "--allow-user-autostart", arity = "1", paramLabel = "<bool>", description = "Allow users to configure autostart for workspaces on this template.")
    Boolean allowUserAutostart;

    @Option(names = "--allow-user-autostop", arity = "1", paramLabel = "<bool>", description = "Allow users to customize the autostop TTL for workspaces on this template.")
    Boolean allowUserAutostop;

    @Option(names = "--allow-user-cancel-workspace-jobs", arity = "1", paramLabel = "<bool>", description = "Allow users to cancel in-progress workspace jobs.")
    Boolean allowUserCancelWorkspaceJobs;

    @Option(names = "--deprecated", paramLabel = "<string>", description = "Sets the template as deprecated with the given message; an empty message un-deprecates it.")
    String deprecated;

    @Option(names = {"-y", "--yes"}, description = "Bypass prompts.")
    boolean yes;

    @Option(names = {"-O", "--org"}, paramLabel = "<string>", defaultValue = "${env:CODER_ORGANIZATION:-default}",
            description = "Select which organization (uuid or name) to use.")
    String organization;

    @Override
    public void run() {
        CoderClient client = global.client();
        Template found = TemplatesPushCommand.findTemplate(client, organization, template)
                .orElseThrow(() -> new CliException("Template \"" + template + "\" does not exist."));
        UpdateTemplateMeta request = UpdateTemplateMeta.empty()
                .withNames(name, displayName, description, icon)
                .withSchedule(millis(defaultTtl, "--default-ttl"), millis(activityBump, "--activity-bump"))
                .withPermissions(allowUserAutostart, allowUserAutostop, allowUserCancelWorkspaceJobs)
                .withDeprecationMessage(deprecated);
        Template updated = client.updateTemplateMeta(found.id(), request);
        spec.commandLine().getOut().println("Updated template metadata at " + updated.updatedAt() + "!");
        spec.commandLine().getOut().flush();
    }

    private static Long millis(String value, String flag) {
        if (value == null) {
            return null;
        }
        try {
            return value.strip().equals("0") ? 0L : GoDuration.parse(value.strip()).toMillis();
        } catch (RuntimeException e) {
            throw new CliException("Invalid " + flag + " \"" + value + "\": use a duration such as 8h or 30m.");
        }
    }
}
