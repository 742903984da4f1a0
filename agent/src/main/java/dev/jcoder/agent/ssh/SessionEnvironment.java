package dev.jcoder.agent.ssh;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.session.ServerSession;

/**
 * Builds the environment of a session's process, lowest priority first: the agent's own
 * environment (less secrets and variables that belong to another session), the user's login
 * variables, the agent's base map ({@code CODER=true}, ...), then what the client sent with
 * {@code SendEnv}/{@code SetEnv} and the PTY request, then the {@code SSH_*} variables of this
 * connection.
 */
final class SessionEnvironment {
    /**
     * Variables of the agent process that must not leak into sessions: its secret, what describes
     * the agent's own terminal, SSH connection or shell (each session has its own), and the
     * directory the agent happened to start in.
     */
    private static final Set<String> NOT_INHERITED = Set.of(
            "CODER_AGENT_TOKEN", "TERM", "SSH_AUTH_SOCK", "SSH_CLIENT", "SSH_CONNECTION", "SSH_TTY",
            "COLUMNS", "LINES", "PWD", "OLDPWD", "SHLVL", "_");

    /**
     * Variables MINA puts into the channel environment itself (the client's user name, the PTY
     * size, which the terminal itself reports) and the session-type marker, which is only counted.
     */
    private static final Set<String> SET_BY_SERVER = Set.of(
            Environment.ENV_USER, Environment.ENV_COLUMNS, Environment.ENV_LINES,
            SessionType.MAGIC_ENVIRONMENT_VARIABLE);

    private SessionEnvironment() {
    }

    static Map<String, String> build(
            UserAccount account, Map<String, String> base, Environment channel, ServerSession session) {
        Map<String, String> env = new LinkedHashMap<>();
        System.getenv().forEach((name, value) -> {
            if (!NOT_INHERITED.contains(name)) {
                env.put(name, value);
            }
        });
        env.putAll(account.loginEnvironment());
        env.putAll(base);
        channel.getEnv().forEach((name, value) -> {
            if (!SET_BY_SERVER.contains(name)) {
                env.put(name, value);
            }
        });
        connectionVariables(session, env);
        return env;
    }

    private static void connectionVariables(ServerSession session, Map<String, String> env) {
        SocketAddress remote = session.getClientAddress();
        SocketAddress local = session.getIoSession().getLocalAddress();
        if (remote instanceof InetSocketAddress client && local instanceof InetSocketAddress server) {
            String clientHost = client.getAddress().getHostAddress();
            env.put("SSH_CLIENT", clientHost + " " + client.getPort() + " " + server.getPort());
            env.put("SSH_CONNECTION", clientHost + " " + client.getPort() + " "
                    + server.getAddress().getHostAddress() + " " + server.getPort());
        }
    }
}
