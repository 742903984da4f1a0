package dev.jcoder.cli.users;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.RootCommand;
import dev.jcoder.cli.Style;
import dev.jcoder.cli.Terminal;
import dev.jcoder.codersdk.AssignableRole;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.SlimRole;
import dev.jcoder.codersdk.User;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder users edit-roles <user> --roles a,b}: replaces a user's site roles. */
@Command(name = "edit-roles", description = "Edit a user's roles by username or id")
public final class UsersEditRolesCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = {"-y", "--yes"}, description = "Bypass confirmation prompts.")
    boolean yes;

    @Option(names = "--roles", split = ",", paramLabel = "<role>",
            description = "A list of roles to give to the user. This removes any existing roles the user may have.")
    List<String> roles;

    @Parameters(index = "0", paramLabel = "<username|user_id>", description = "The user whose roles to edit.")
    String user;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Terminal terminal = RootCommand.terminal(spec);
        CoderClient client = global.client();
        User target = client.user(user);
        List<String> assignable = client.assignableSiteRoles().stream().filter(AssignableRole::assignable)
                .map(AssignableRole::name).toList();
        List<String> selected;
        if (roles == null) {
            String current = target.roles().stream().map(SlimRole::name).collect(Collectors.joining(","));
            String answer = terminal.prompt(out, "Roles for " + target.username() + ", separated by commas (available: "
                    + String.join(", ", assignable) + ")", current);
            selected = Arrays.stream(answer.split(",")).map(String::strip).filter(role -> !role.isEmpty()).toList();
        } else {
            selected = roles.stream().map(String::strip).filter(role -> !role.isEmpty()).toList();
        }
        List<String> unknown = new ArrayList<>(selected);
        unknown.removeAll(assignable);
        if (!unknown.isEmpty()) {
            throw new CliException("Cannot assign " + String.join(", ", unknown) + ": the roles you may assign are "
                    + String.join(", ", assignable) + ".");
        }
        if (!yes && !terminal.confirm(out, "Replace the roles of " + target.username() + " with "
                + (selected.isEmpty() ? "none (member only)" : String.join(", ", selected)) + "?")) {
            throw new CliException("Canceled: the roles of " + target.username() + " were not changed.");
        }
        User updated = client.updateUserRoles(target.id().toString(), selected);
        out.println("User " + Style.bold(updated.username()) + " now has the roles: "
                + (updated.roles().isEmpty() ? "(member only)" : updated.roles().stream().map(SlimRole::name).collect(Collectors.joining(", "))));
    }
}
