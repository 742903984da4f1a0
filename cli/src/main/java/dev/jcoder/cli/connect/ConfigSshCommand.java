package dev.jcoder.cli.connect;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.RootCommand;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceAgent;
import dev.jcoder.codersdk.WorkspaceResource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coder config-ssh}: writes a {@code Host <prefix><workspace>} entry for each of your
 * workspaces (and {@code <prefix><workspace>.<agent>} for workspaces with several agents) into the
 * managed section of your SSH config, so that plain {@code ssh}, {@code scp}, {@code sftp},
 * {@code rsync} and IDEs reach them through {@code coder ssh --stdio}.
 */
@Command(name = "config-ssh", sortOptions = false, description = {"Add an SSH Host entry for your workspaces \"ssh coder.workspace\"",
    "",
    "  You can use -o (or --ssh-option) to set SSH options for all workspaces:",
    "    coder config-ssh -o ForwardAgent=yes",
    "  Show what would change without writing:",
    "    coder config-ssh --dry-run", ""})
public final class ConfigSshCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--ssh-config-file", paramLabel = "<path>", defaultValue = "${env:CODER_SSH_CONFIG_FILE:-~/.ssh/config}",
            description = "Specifies the path to an SSH config. Env: $CODER_SSH_CONFIG_FILE.")
    String sshConfigFile;

    @Option(names = "--ssh-host-prefix", paramLabel = "<string>", defaultValue = "${env:CODER_CONFIGSSH_SSH_HOST_PREFIX:-coder.}",
            description = "Override the default host prefix. Env: $CODER_CONFIGSSH_SSH_HOST_PREFIX.")
    String hostPrefix;

    @Option(names = {"-o", "--ssh-option"}, paramLabel = "<option>", defaultValue = "${env:CODER_SSH_CONFIG_OPTS}",
            description = "Specifies additional SSH options to embed in each host stanza. Env: $CODER_SSH_CONFIG_OPTS.")
    List<String> sshOptions = new ArrayList<>();

    @Option(names = {"-n", "--dry-run"}, defaultValue = "${env:CODER_SSH_DRY_RUN:-false}",
            description = "Perform a trial run with no changes made, showing a diff at the end. Env: $CODER_SSH_DRY_RUN.")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Bypass prompts.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        CoderClient client = global.client();
        Path file = expandHome(sshConfigFile);
        List<String> options = sshOptions == null ? List.of() : sshOptions.stream().filter(o -> !o.isBlank()).toList();
        String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String after = SshConfigBlock.apply(before, SshConfigBlock.render(hosts(client), hostPrefix, options));
        if (after.equals(before)) {
            out.println("No changes to make.");
            out.flush();
            return 0;
        }
        List<String> diff = SshConfigBlock.diff(before, after);
        if (dryRun) {
            out.println("Dry run, the following changes would be made to your SSH configuration (" + file + "):");
            diff.forEach(line -> out.println("  " + line));
            out.flush();
            return 0;
        }
        if (!yes) {
            out.println("The following changes will be made to your SSH configuration (" + file + "):");
            diff.forEach(line -> out.println("  " + line));
            if (!RootCommand.terminal(spec).confirm(out, "Continue?")) {
                throw new CliException("Canceled: the SSH configuration was not changed.");
            }
        }
        write(file, after);
        out.println("Updated \"" + file + "\"");
        out.println();
        out.println("You should now be able to ssh into your workspace.");
        out.println("For example, try running:");
        out.println();
        out.println("\t$ ssh " + hostPrefix + "<workspace>");
        out.flush();
        return 0;
    }

    private List<SshConfigBlock.HostEntry> hosts(CoderClient client) {
        List<Workspace> workspaces = new ArrayList<>(client.workspaces("owner:me", 0, 0).workspaces());
        workspaces.sort(Comparator.comparing(Workspace::name));
        String launcher = System.getProperty("jcoder.launcher", "coder");
        // Global options follow the subcommand in this CLI (Coder's accepts them before it too).
        String proxyPrefix = quote(launcher) + " ssh --global-config " + quote(global.configDirectory().root().toString())
                + " --stdio ";
        List<SshConfigBlock.HostEntry> hosts = new ArrayList<>();
        for (Workspace workspace : workspaces) {
            hosts.add(new SshConfigBlock.HostEntry(hostPrefix + workspace.name(), proxyPrefix + workspace.name()));
            List<WorkspaceAgent> agents = workspace.latestBuild().resources().stream().map(WorkspaceResource::agents)
                    .flatMap(List::stream).toList();
            if (agents.size() > 1) {
                for (WorkspaceAgent agent : agents) {
                    String name = workspace.name() + "." + agent.name();
                    hosts.add(new SshConfigBlock.HostEntry(hostPrefix + name, proxyPrefix + name));
                }
            }
        }
        return hosts;
    }

    /** Quotes a path for ssh_config when it has spaces (ssh splits ProxyCommand like a shell). */
    private static String quote(String path) {
        return path.matches("[A-Za-z0-9_./@:+-]+") ? path : "\"" + path.replace("\"", "\\\"") + "\"";
    }

    private static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(path.substring(Math.min(2, path.length())));
        }
        return Path.of(path);
    }

    /** Writes through a temporary file and a rename, so a crash never leaves half a config. */
    private static void write(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".ssh-config", ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file));
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
