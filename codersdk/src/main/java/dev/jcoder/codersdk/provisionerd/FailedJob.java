package dev.jcoder.codersdk.provisionerd;

import java.util.Objects;
import java.util.UUID;

/**
 * A job that did not succeed. {@code errorCode} is Coder's machine-readable code (for example
 * {@code REQUIRED_TEMPLATE_VARIABLES}) or empty; {@code state} is the Terraform state a failed
 * build leaves behind (empty for other jobs).
 */
public record FailedJob(UUID jobId, String error, String errorCode, byte[] state) {
    public static final String REQUIRED_TEMPLATE_VARIABLES = "REQUIRED_TEMPLATE_VARIABLES";

    public FailedJob {
        Objects.requireNonNull(jobId, "jobId");
        error = error == null || error.isEmpty() ? "The job failed." : error;
        errorCode = errorCode == null ? "" : errorCode;
        state = state == null ? new byte[0] : state;
    }

    public static FailedJob of(UUID jobId, String error) {
        return new FailedJob(jobId, error, "", new byte[0]);
    }
}
