package dev.jcoder.codersdk;

/** {@code GET /api/v2/buildinfo}: what is running and where. */
public record BuildInfoResponse(
        String externalUrl,
        String version,
        String dashboardUrl,
        boolean workspaceProxy,
        String agentApiVersion,
        String provisionerApiVersion,
        String upgradeMessage,
        String deploymentId,
        boolean telemetry) {}
