package dev.jcoder.cli.connect;

import java.util.ArrayList;
import java.util.List;

/**
 * The section of an OpenSSH config that {@code coder config-ssh} owns, between Coder's markers.
 * Everything outside the markers is kept byte for byte; the section is rewritten whole, so hosts
 * of deleted workspaces disappear and running it twice changes nothing.
 */
final class SshConfigBlock {
    static final String START = "# ------------START-CODER-----------";
    static final String END = "# ------------END-CODER------------";

    private SshConfigBlock() {}

    /** One {@code Host} entry: the alias and the ProxyCommand that reaches it. */
    record HostEntry(String alias, String proxyCommand) {}

    /** The managed section for {@code hosts} (without a trailing newline). */
    static String render(List<HostEntry> hosts, String hostPrefix, List<String> extraOptions) {
        List<String> lines = new ArrayList<>();
        lines.add(START);
        lines.add("# This section is managed by coder. DO NOT EDIT.");
        lines.add("#");
        lines.add("# You should not hand-edit this section unless you are removing it, all");
        lines.add("# changes will be lost when running \"coder config-ssh\".");
        lines.add("#");
        lines.add("# Last config-ssh options:");
        lines.add("# :ssh-host-prefix=" + hostPrefix);
        extraOptions.forEach(option -> lines.add("# :ssh-option=" + option));
        lines.add("#");
        for (HostEntry host : hosts) {
            lines.add("Host " + host.alias());
            lines.add("\tHostName " + host.alias());
            lines.add("\tConnectTimeout=0");
            lines.add("\tStrictHostKeyChecking=no");
            lines.add("\tUserKnownHostsFile=/dev/null");
            lines.add("\tLogLevel ERROR");
            // The agent's SSH server is Java: AES-GCM runs on CPU intrinsics, chacha20 does not.
            lines.add("\tCiphers aes128-gcm@openssh.com,aes256-gcm@openssh.com,aes128-ctr,aes256-ctr");
            extraOptions.forEach(option -> lines.add("\t" + option));
            lines.add("\tProxyCommand " + host.proxyCommand());
            lines.add("");
        }
        lines.add(END);
        return String.join("\n", lines);
    }

    /** {@code config} with its managed section replaced by {@code block} (appended when there was none). */
    static String apply(String config, String block) {
        int start = config.indexOf(START);
        int end = start < 0 ? -1 : config.indexOf(END, start);
        if (start >= 0 && end >= 0) {
            return config.substring(0, start) + block + config.substring(end + END.length());
        }
        if (config.isEmpty()) {
            return block + "\n";
        }
        String separator = config.endsWith("\n\n") ? "" : config.endsWith("\n") ? "\n" : "\n\n";
        return config + separator + block + "\n";
    }

    /** A line diff for the confirmation prompt: {@code -} removed, {@code +} added (longest common subsequence). */
    static List<String> diff(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                lines.add("+" + b[j++]);
            } else {
                lines.add("-" + a[i++]);
            }
        }
        return lines;
    }
}
