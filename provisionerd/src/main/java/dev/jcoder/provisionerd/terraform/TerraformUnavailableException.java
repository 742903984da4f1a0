package dev.jcoder.provisionerd.terraform;

/** Terraform cannot be run on this host (missing, not executable, too old). */
public final class TerraformUnavailableException extends Exception {
    public TerraformUnavailableException(String message) {
        super(message);
    }
}
