package dev.jcoder.codersdk.provisionerd;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code display_apps} block of a {@code coder_agent}: which built-in apps the dashboard shows.
 * The defaults are the provider's (all but VS Code Insiders).
 */
public record DisplayApps(boolean vscode, boolean vscodeInsiders, boolean webTerminal, boolean sshHelper,
        boolean portForwardingHelper) {

    public static DisplayApps defaults() {
        return new DisplayApps(true, false, true, true, true);
    }

    /** The enabled apps as Coder's {@code DisplayApp} enum values, in Coder's order. */
    public List<String> enabled() {
        List<String> names = new ArrayList<>();
        if (vscode) {
            names.add("vscode");
        }
        if (vscodeInsiders) {
            names.add("vscode_insiders");
        }
        if (webTerminal) {
            names.add("web_terminal");
        }
        if (portForwardingHelper) {
            names.add("port_forwarding_helper");
        }
        if (sshHelper) {
            names.add("ssh_helper");
        }
        return List.copyOf(names);
    }
}
