package dev.jcoder.provisionerd.terraform;

import java.util.List;

/** A terraform command that did not succeed: its exit code and the errors it reported. */
final class TerraformCommandException extends Exception {
    private final boolean interrupted;

    TerraformCommandException(String subcommand, int exitCode, List<String> errors, boolean interrupted) {
        super(message(subcommand, exitCode, errors, interrupted));
        this.interrupted = interrupted;
    }

    /** True when the command failed because the job was canceled. */
    boolean interrupted() {
        return interrupted;
    }

    private static String message(String subcommand, int exitCode, List<String> errors, boolean interrupted) {
        if (interrupted) {
            return "terraform " + subcommand + " was interrupted because the job was canceled.";
        }
        List<String> known = errors.stream().filter(error -> !error.isBlank()).toList();
        String status = exitCode < 0 ? "could not run" : "exit status " + exitCode;
        return "terraform " + subcommand + ": " + status + (known.isEmpty() ? "" : ": " + String.join("; ", known));
    }
}
