package dev.jcoder.agent.ssh;

import java.nio.file.Path;

/**
 * Rewrites the target of a legacy SCP command ({@code scp [-options] [--] PATH}) so that a
 * relative path, including the empty target of {@code scp file host:}, means the same as under
 * OpenSSH's sshd: relative to the user's home directory.
 */
final class ScpCommands {
    private ScpCommands() {
    }

    static String resolveTarget(String command, Path home) {
        String[] words = command.trim().split("\\s+");
        int index = 1;
        while (index < words.length && words[index].startsWith("-")) {
            index++;
        }
        if (index >= words.length) {
            return command + " " + quote(home.toString());
        }
        int start = command.indexOf(words[index], command.indexOf(words[index - 1]) + words[index - 1].length());
        String target = unquote(command.substring(start).trim());
        if (target.startsWith("/")) {
            return command;
        }
        Path resolved = target.isEmpty() || target.equals(".") ? home : home.resolve(target);
        return command.substring(0, start) + quote(resolved.toString());
    }

    private static String unquote(String path) {
        if (path.length() >= 2) {
            char first = path.charAt(0);
            if ((first == '\'' || first == '"') && path.charAt(path.length() - 1) == first) {
                return path.substring(1, path.length() - 1);
            }
        }
        return path;
    }

    /** MINA strips one pair of matching quotes around the path, so quoting keeps spaces intact. */
    private static String quote(String path) {
        return path.contains("'") ? "\"" + path + "\"" : "'" + path + "'";
    }
}
