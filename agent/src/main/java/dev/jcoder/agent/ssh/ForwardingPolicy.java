package dev.jcoder.agent.ssh;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;

/**
 * What clients may forward. The user already has a shell as the agent's user, so local
 * ({@code -L}) forwarding to any address and agent forwarding ({@code -A}) add nothing they could
 * not do anyway. Remote ({@code -R}) listeners bind to loopback only, like OpenSSH's default
 * {@code GatewayPorts no}: a workspace must not open ports to its network because a client asked.
 * X11 is refused: workspaces have no X server.
 */
final class ForwardingPolicy implements ForwardingFilter {
    @Override
    public boolean canForwardAgent(Session session, String requestType) {
        return true;
    }

    @Override
    public boolean canForwardX11(Session session, String requestType) {
        return false;
    }

    @Override
    public boolean canListen(SshdSocketAddress address, Session session) {
        return isLoopback(address.getHostName());
    }

    @Override
    public boolean canConnect(TcpForwardingFilter.Type type, SshdSocketAddress address, Session session) {
        return true;
    }

    static boolean isLoopback(String host) {
        if (host.isEmpty() || host.equals("*") || host.equals("0.0.0.0") || host.equals("::")) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
