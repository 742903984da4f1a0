package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.WorkspaceTransition;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code workspace_resources}: a Terraform resource a build's job created. */
public record WorkspaceResourceRow(UUID id, Instant createdAt, UUID jobId, WorkspaceTransition transition, String type,
        String name, boolean hide, String icon, int dailyCost) {}
