package dev.jcoder.codersdk;

import java.time.Instant;
import java.util.UUID;

/**
 * How long one Terraform step of a build took: {@code stage} init, plan, graph or apply;
 * {@code source} the provider; {@code action} e.g. create; {@code resource} the Terraform address.
 */
public record ProvisionerTiming(UUID jobId, Instant startedAt, Instant endedAt, TimingStage stage, String source,
        String action, String resource) {}
