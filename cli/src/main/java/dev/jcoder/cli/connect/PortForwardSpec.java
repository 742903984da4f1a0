package dev.jcoder.cli.connect;

import dev.jcoder.cli.CliException;
import java.util.ArrayList;
import java.util.List;

/**
 * One local listener → one port in the workspace, parsed from Coder's {@code --tcp} forms:
 * {@code 8080} (same port), {@code 8080:3000}, {@code 127.0.0.1:8080:3000}, and ranges of equal
 * length {@code 9000-9002:9000-9002}.
 */
record PortForwardSpec(String localAddress, int localPort, int remotePort) {
    static List<PortForwardSpec> parse(String text) {
        String spec = text.strip();
        String address = "127.0.0.1";
        String[] parts = spec.split(":", -1);
        if (parts.length == 3) {
            address = parts[0];
            parts = new String[] {parts[1], parts[2]};
        }
        if (parts.length == 1) {
            parts = new String[] {parts[0], parts[0]};
        }
        if (parts.length != 2) {
            throw invalid(text);
        }
        int[] local = range(parts[0], text, true);
        int[] remote = range(parts[1], text, false);
        if (local[1] - local[0] != remote[1] - remote[0]) {
            throw new CliException("Invalid port forward \"" + text + "\": the local and remote ranges differ in size.");
        }
        List<PortForwardSpec> specs = new ArrayList<>();
        for (int i = 0; i <= local[1] - local[0]; i++) {
            specs.add(new PortForwardSpec(address, local[0] + i, remote[0] + i));
        }
        return specs;
    }

    private static int[] range(String text, String whole, boolean mayBeZero) {
        String[] ends = text.split("-", -1);
        if (ends.length > 2) {
            throw invalid(whole);
        }
        int first = port(ends[0], whole, mayBeZero && ends.length == 1);
        int last = ends.length == 2 ? port(ends[1], whole, false) : first;
        if (last < first) {
            throw invalid(whole);
        }
        return new int[] {first, last};
    }

    private static int port(String text, String whole, boolean mayBeZero) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port < (mayBeZero ? 0 : 1) || port > 65535) {
                throw invalid(whole);
            }
            return port;
        } catch (NumberFormatException e) {
            throw invalid(whole);
        }
    }

    private static CliException invalid(String text) {
        return new CliException("Invalid port forward \"" + text
                + "\": use [local_ip:]local_port:remote_port, a single port, or ranges such as 9000-9002:9000-9002.");
    }
}
