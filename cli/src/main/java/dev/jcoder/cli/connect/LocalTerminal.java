package dev.jcoder.cli.connect;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The user's terminal, driven with {@code stty} on {@code /dev/tty} (the JDK has no termios): raw
 * mode for an interactive session (restored on exit), and its size.
 */
final class LocalTerminal {
    private static final File TTY = new File("/dev/tty");

    private LocalTerminal() {}

    /** Puts the terminal in raw mode; the returned action restores the previous settings. */
    static Runnable enterRawMode() throws IOException {
        String saved = stty("-g").orElseThrow(() -> new IOException("stty -g failed: no terminal?"));
        stty("raw", "-echo");
        return () -> {
            try {
                stty(saved);
            } catch (IOException e) {
                // nothing better to do while exiting
            }
        };
    }

    /** {@code [rows, columns]} of the terminal, or 24×80 when unknown. */
    static int[] size() {
        try {
            Optional<String> size = stty("size");
            if (size.isPresent()) {
                String[] parts = size.get().strip().split("\\s+");
                if (parts.length == 2) {
                    return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return new int[] {24, 80};
    }

    private static Optional<String> stty(String... args) throws IOException {
        String[] command = new String[args.length + 1];
        command[0] = "stty";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectInput(TTY).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(output);
    }

    /** Calls {@code onResize} on SIGWINCH (the terminal window changed size). */
    @SuppressWarnings("restriction")
    static void onResize(Runnable onResize) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), signal -> Thread.ofVirtual().start(onResize));
        } catch (IllegalArgumentException e) {
            // no SIGWINCH on this platform
        }
    }
}
