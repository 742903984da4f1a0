package dev.jcoder.codersdk.provisionerd;

import java.time.Instant;
import java.util.Objects;

/**
 * How long one step of a build took, as Coder's {@code provisioner_timings}: {@code stage} is
 * {@code init}, {@code plan}, {@code graph} or {@code apply}; {@code source} the provider
 * (e.g. {@code coder}); {@code action} e.g. {@code create}; {@code resource} the Terraform address.
 */
public record Timing(Instant startedAt, Instant endedAt, String stage, String source, String action,
        String resource) {
    public Timing {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        stage = stage == null ? "" : stage;
        source = source == null ? "" : source;
        action = action == null ? "" : action;
        resource = resource == null ? "" : resource;
    }
}
