package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real OpenSSH client programs ({@code /usr/bin/ssh}, {@code scp}, {@code sftp}) against
 * a server on loopback, without touching the user's known hosts or keys.
 */
final class OpenSsh {
    /** Longest any single client run may take before the test fails instead of hanging. */
    static final long TIMEOUT_SECONDS = 90;

    private final int port;
    private final Path scratch;

    OpenSsh(int port, Path scratch) {
        this.port = port;
        this.scratch = scratch;
    }

    /** Options every client gets: no host key checks, no user config, no password prompts. */
    List<String> commonOptions() {
        return List.of(
                "-F", "/dev/null",
                "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null",
                "-o", "BatchMode=yes",
                "-o", "LogLevel=ERROR");
    }

    List<String> ssh(String... arguments) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/ssh"));
        command.addAll(commonOptions());
        command.addAll(List.of("-p", Integer.toString(port)));
        command.addAll(List.of(arguments));
        return command;
    }

    List<String> scp(String... arguments) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/scp"));
        command.addAll(commonOptions());
        command.addAll(List.of("-P", Integer.toString(port)));
        command.addAll(List.of(arguments));
        return command;
    }

    List<String> sftp(String... arguments) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/sftp"));
        command.addAll(commonOptions());
        command.addAll(List.of("-P", Integer.toString(port)));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs a client to completion with {@code stdin} as its input. */
    Result run(List<String> command, String stdin) {
        return run(command, stdin, Map.of());
    }

    Result run(List<String> command, String stdin, Map<String, String> environment) {
        try {
            Path in = Files.createTempFile(scratch, "stdin", ".txt");
            Path out = Files.createTempFile(scratch, "stdout", ".txt");
            Path err = Files.createTempFile(scratch, "stderr", ".txt");
            Files.writeString(in, stdin);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(in.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Timed out: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Result ssh(String remoteCommand) {
        return run(ssh("127.0.0.1", remoteCommand), "");
    }

    /**
     * What a client run produced.
     *
     * @param exitCode the client's exit code
     * @param stdout   everything it wrote to stdout
     * @param stderr   everything it wrote to stderr
     */
    record Result(int exitCode, String stdout, String stderr) {
    }
}
