package dev.jcoder.cli.connect;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.tunnel.pump.BytePump;
import dev.jcoder.tunnel.pump.Duplex;
import dev.jcoder.tunnel.service.ServiceHeaderException;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.yamux.Stream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coder port-forward <workspace> --tcp local:remote ...}: local TCP listeners whose
 * connections each become a stream to the workspace's loopback port, all over one tunnel. A
 * connection to a port nothing listens on in the workspace is closed at once and the reason
 * printed. Runs until interrupted (Ctrl-C) or the tunnel ends.
 */
@Command(name = "port-forward", aliases = "tunnel", sortOptions = false,
        description = {"Forward ports from the workspace to your local machine.",
            "",
            "  Port 8080 here to port 3000 in the workspace:   coder port-forward my-workspace --tcp 8080:3000",
            "  Several, and a range:                          coder port-forward my-workspace --tcp 8080 --tcp 9000-9002:9000-9002",
            "  Listen on another local address:               coder port-forward my-workspace --tcp 0.0.0.0:8080:8080", ""})
public final class PortForwardCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<workspace>", description = "The workspace: [owner/]name[.agent].")
    String workspace;

    @Option(names = {"-p", "--tcp"}, paramLabel = "<[ip:]local:remote>", split = ",", defaultValue = "${env:CODER_PORT_FORWARD_TCP}",
            description = "Forward TCP port(s) from the workspace to the local machine. Env: $CODER_PORT_FORWARD_TCP.")
    List<String> tcp = new ArrayList<>();

    @Option(names = "--disable-autostart", defaultValue = "${env:CODER_SSH_DISABLE_AUTOSTART:-false}",
            description = "Disable starting the workspace automatically when connecting. Env: $CODER_SSH_DISABLE_AUTOSTART.")
    boolean disableAutostart;

    @Override
    public Integer call() throws InterruptedException {
        List<PortForwardSpec> specs = tcp == null ? List.of()
                : tcp.stream().filter(s -> !s.isBlank()).flatMap(s -> PortForwardSpec.parse(s).stream()).toList();
        if (specs.isEmpty()) {
            throw new CliException("No port-forwards requested: use --tcp <local>:<remote>.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CoderClient client = global.client();
        AgentTarget target = AgentTarget.connectable(client, workspace, AgentTarget.Wait.NO, !disableAutostart, err);
        List<ServerSocket> listeners = new ArrayList<>();
        try (ClientTunnel tunnel = ClientTunnel.dial(client, target.agent().id())) {
            for (PortForwardSpec forward : specs) {
                ServerSocket listener = listen(forward);
                listeners.add(listener);
                out.println("Forwarding " + forward.localAddress() + ":" + listener.getLocalPort()
                        + " to port " + forward.remotePort() + " in " + target.workspace().name());
                Thread.ofVirtual().name("forward-" + forward.remotePort()).start(() -> acceptLoop(tunnel, listener, forward, err));
            }
            out.println("Ready!");
            out.flush();
            try {
                tunnel.session().terminated().get();
            } catch (ExecutionException e) {
                // ended with an error: reported below
            }
            throw new CliException("The connection to the workspace ended"
                    + tunnel.session().closeCause().map(c -> ": " + c.getMessage()).orElse(".")
                    + " Run the command again to reconnect.");
        } finally {
            for (ServerSocket listener : listeners) {
                try {
                    listener.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    private static ServerSocket listen(PortForwardSpec forward) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getByName(forward.localAddress()), forward.localPort()), 128);
            return listener;
        } catch (IOException e) {
            throw new CliException("Could not listen on " + forward.localAddress() + ":" + forward.localPort() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void acceptLoop(ClientTunnel tunnel, ServerSocket listener, PortForwardSpec forward, PrintWriter err) {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return;
            }
            Thread.ofVirtual().name("forward-conn").start(() -> forward(tunnel, socket, forward, err));
        }
    }

    private static void forward(ClientTunnel tunnel, Socket socket, PortForwardSpec forward, PrintWriter err) {
        try {
            socket.setTcpNoDelay(true);
            Stream stream = tunnel.open(ServiceRequest.Tcp.loopback(forward.remotePort()));
            BytePump.start(Duplex.of(socket), Duplex.of(stream));
        } catch (ServiceHeaderException e) {
            synchronized (err) {
                err.println("Port " + forward.remotePort() + ": " + e.getMessage());
                err.flush();
            }
            closeQuietly(socket);
        } catch (IOException e) {
            synchronized (err) {
                err.println("Port " + forward.remotePort() + ": the connection failed: " + e.getMessage());
                err.flush();
            }
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
