package dev.jcoder.cli.connect;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.RootCommand;
import dev.jcoder.cli.Terminal;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.tunnel.pump.BytePump;
import dev.jcoder.tunnel.pump.Duplex;
import dev.jcoder.tunnel.pump.PumpResult;
import dev.jcoder.tunnel.service.ServiceHeaderException;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.yamux.Stream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coder ssh <workspace> [-- command]}: a shell (on a PTY when standard input is a
 * terminal) or a command in the workspace, with its exit status; {@code --stdio} relays one SSH
 * connection over stdin/stdout for OpenSSH's {@code ProxyCommand} (what {@code coder config-ssh}
 * writes).
 */
@Command(name = "ssh", sortOptions = false, description = {"Start a shell into a workspace or run a command",
    "",
    "  Start a shell:                       coder ssh my-workspace",
    "  Run a command:                       coder ssh my-workspace -- uname -a",
    "  Use as OpenSSH's ProxyCommand:       ProxyCommand coder ssh --stdio my-workspace",
    "  Another agent of the workspace:      coder ssh my-workspace.agent2", ""})
public final class SshCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<workspace>",
            description = "The workspace: [owner/]name[.agent].")
    String workspace;

    @Parameters(index = "1..*", paramLabel = "<command>", arity = "0..*",
            description = "A command to run instead of the login shell (put it after --).")
    List<String> command = new ArrayList<>();

    @Option(names = "--stdio", defaultValue = "${env:CODER_SSH_STDIO:-false}",
            description = "Specifies whether to emit SSH output over stdin/stdout. Env: $CODER_SSH_STDIO.")
    boolean stdio;

    @Option(names = {"-A", "--forward-agent"}, defaultValue = "${env:CODER_SSH_FORWARD_AGENT:-false}",
            description = "Specifies whether to forward the SSH agent specified in $SSH_AUTH_SOCK. Env: $CODER_SSH_FORWARD_AGENT.")
    boolean forwardAgent;

    @Option(names = {"-R", "--remote-forward"}, paramLabel = "<[bind:]port:host:hostport>", split = ",",
            defaultValue = "${env:CODER_SSH_REMOTE_FORWARD}",
            description = "Enable remote port forwarding (remote_port:local_address:local_port). Env: $CODER_SSH_REMOTE_FORWARD.")
    List<String> remoteForwards = new ArrayList<>();

    @Option(names = {"-e", "--env"}, paramLabel = "<KEY=VALUE>", split = ",", defaultValue = "${env:CODER_SSH_ENV}",
            description = "Set environment variable(s) for session (key1=value1,key2=value2,...). Env: $CODER_SSH_ENV.")
    List<String> env = new ArrayList<>();

    @Option(names = "--wait", paramLabel = "yes|no|auto", defaultValue = "${env:CODER_SSH_WAIT:-auto}",
            description = "Specifies whether or not to wait for the startup script to finish executing. Auto means that the agent startup script behavior configured in the workspace template is used. Env: $CODER_SSH_WAIT.")
    String waitMode;

    @Option(names = "--no-wait", hidden = true, defaultValue = "${env:CODER_SSH_NO_WAIT:-false}",
            description = "Deprecated: use --wait=no. Env: $CODER_SSH_NO_WAIT.")
    boolean noWait;

    @Option(names = "--disable-autostart", defaultValue = "${env:CODER_SSH_DISABLE_AUTOSTART:-false}",
            description = "Disable starting the workspace automatically when connecting via SSH. Env: $CODER_SSH_DISABLE_AUTOSTART.")
    boolean disableAutostart;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AgentTarget.Wait wait = noWait ? AgentTarget.Wait.NO : AgentTarget.Wait.parse(waitMode);
        if (noWait) {
            err.println("Flag --no-wait is deprecated, use --wait=no instead.");
        }
        CoderClient client = global.client();
        AgentTarget target = AgentTarget.connectable(client, workspace, wait, !disableAutostart, err);
        Terminal terminal = RootCommand.terminal(spec);
        try (ClientTunnel tunnel = ClientTunnel.dial(client, target.agent().id())) {
            return stdio ? relayStdio(tunnel, terminal) : runSession(tunnel, terminal, target);
        } catch (ServiceHeaderException e) {
            throw new CliException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException("The SSH connection failed: " + e.getMessage(), e);
        }
    }

    /** ProxyCommand mode: the SSH connection's bytes over stdin/stdout. */
    private int relayStdio(ClientTunnel tunnel, Terminal terminal) throws IOException {
        Stream stream = tunnel.open(new ServiceRequest.Ssh());
        boolean system = terminal.isSystem();
        InputStream in = system ? new FileInputStream(FileDescriptor.in) : terminal.input();
        OutputStream out = system ? new FileOutputStream(FileDescriptor.out) : new WriterOutputStream(spec.commandLine().getOut());
        // stdin blocks in a native read that cannot be interrupted: platform threads, and halt when done.
        PumpResult result = BytePump.start(Duplex.of(stream), Duplex.of(in, out, () -> { }), Thread.ofPlatform().daemon().factory()).join();
        int status = result.failure().isPresent() ? 1 : 0;
        if (system) {
            out.flush();
            Runtime.getRuntime().halt(status);
        }
        return status;
    }

    private int runSession(ClientTunnel tunnel, Terminal terminal, AgentTarget target) throws IOException {
        if (forwardAgent) {
            throw new CliException("The built-in SSH client cannot forward an SSH agent yet; use OpenSSH instead: "
                    + "run coder config-ssh, then ssh -A coder." + target.workspace().name());
        }
        boolean interactive = terminal.isSystem() && System.console() != null && System.console().isTerminal();
        Map<String, String> variables = new LinkedHashMap<>();
        for (String pair : env) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new CliException("Invalid environment variable \"" + pair + "\": use KEY=VALUE.");
            }
            variables.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        var request = new BuiltInSshClient.Request(
                command.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", command)), interactive,
                Optional.ofNullable(System.getenv("TERM")).filter(t -> !t.isBlank()).orElse("xterm-256color"), variables,
                remoteForwards.stream().filter(s -> !s.isBlank()).map(BuiltInSshClient.RemoteForward::parse).toList());
        InputStream in = terminal.isSystem() ? new FileInputStream(FileDescriptor.in) : terminal.input();
        OutputStream out = terminal.isSystem() ? new FileOutputStream(FileDescriptor.out) : new WriterOutputStream(spec.commandLine().getOut());
        OutputStream err = terminal.isSystem() ? new FileOutputStream(FileDescriptor.err) : new WriterOutputStream(spec.commandLine().getErr());
        Runnable[] restore = {() -> { }};
        try (BuiltInSshClient ssh = BuiltInSshClient.connect(tunnel, target.workspace().ownerName())) {
            return ssh.run(request, in, out, err, () -> {
                try {
                    restore[0] = LocalTerminal.enterRawMode();
                } catch (IOException e) {
                    // no terminal to switch: keep cooked mode
                }
            });
        } finally {
            restore[0].run();
        }
    }
}
