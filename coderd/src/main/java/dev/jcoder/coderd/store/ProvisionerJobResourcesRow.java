package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.WorkspaceTransition;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code provisioner_job_resources}: what an import planned for one transition, as JSON. */
public record ProvisionerJobResourcesRow(UUID jobId, WorkspaceTransition transition, Instant createdAt, String resources) {}
