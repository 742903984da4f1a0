package dev.jcoder.agent.ssh;

import java.util.Locale;
import java.util.Map;

/**
 * What an SSH session channel is used for, as the agent's stats report it. IDE extensions
 * identify themselves with {@code SetEnv CODER_SSH_SESSION_TYPE=vscode|jetbrains} in the SSH
 * config they write; that variable is counted and then removed from the session's environment.
 */
public enum SessionType {
    /** A shell or command from a plain SSH client (also legacy {@code scp}). */
    SSH,
    /** A session opened by the VS Code extension. */
    VSCODE,
    /** A session opened by JetBrains Gateway or Toolbox. */
    JETBRAINS,
    /** The {@code sftp} subsystem (also used by {@code scp} in OpenSSH 9 and later). */
    SFTP;

    /** The client-set variable that names the session's purpose. */
    public static final String MAGIC_ENVIRONMENT_VARIABLE = "CODER_SSH_SESSION_TYPE";

    /** The type a shell or exec session counts as, given the variables the client sent. */
    static SessionType ofClientEnvironment(Map<String, String> clientEnvironment) {
        String magic = clientEnvironment.getOrDefault(MAGIC_ENVIRONMENT_VARIABLE, "");
        return switch (magic.toLowerCase(Locale.ROOT)) {
            case "vscode" -> VSCODE;
            case "jetbrains" -> JETBRAINS;
            default -> SSH;
        };
    }
}
