package dev.jcoder.codersdk;

/** A TCP port a process listens on inside the workspace. {@code network} is always "tcp". */
public record WorkspaceAgentListeningPort(String processName, String network, int port) {
    public WorkspaceAgentListeningPort {
        processName = processName == null ? "" : processName;
        network = network == null ? "tcp" : network;
    }
}
