package dev.jcoder.codersdk.provisionerd;

import dev.jcoder.codersdk.ProvisionerType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A job handed to a daemon: the source archive (tar) and what to do with it.
 *
 * @param userName the user who started the job
 */
public record AcquiredJob(UUID jobId, Instant createdAt, ProvisionerType provisioner, String userName,
        byte[] templateSourceArchive, JobPayload payload) {
    public AcquiredJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(provisioner, "provisioner");
        Objects.requireNonNull(templateSourceArchive, "templateSourceArchive");
        Objects.requireNonNull(payload, "payload");
    }
}
