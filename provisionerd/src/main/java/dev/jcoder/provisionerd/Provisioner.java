package dev.jcoder.provisionerd;

import dev.jcoder.codersdk.provisionerd.AcquiredJob;
import dev.jcoder.codersdk.provisionerd.JobResult;
import java.nio.file.Path;

/**
 * Runs one job of one provisioner type (Terraform, echo). The daemon has unpacked the job's source
 * archive into {@code workDirectory} (removed afterwards) and handles logs, heartbeats and
 * reporting; the provisioner only does the work.
 *
 * <p>Contract: log through {@code session}; on failure throw {@link JobFailedException} (its message
 * becomes the job's error); when {@link JobSession#canceled()} turns true (see
 * {@link JobSession#onCancel}), stop as soon as it is safe and throw {@link JobFailedException}.
 * An unexpected exception fails the job with its message.
 */
public interface Provisioner {

    JobResult run(AcquiredJob job, Path workDirectory, JobSession session) throws JobFailedException, InterruptedException;
}
