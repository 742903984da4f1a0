package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** An application served from a workspace (a {@code coder_app}). */
public record WorkspaceApp(
        UUID id,
        String url,
        boolean external,
        String slug,
        String displayName,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String command,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String icon,
        boolean subdomain,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String subdomainName,
        WorkspaceAppSharingLevel sharingLevel,
        Healthcheck healthcheck,
        WorkspaceAppHealth health,
        boolean hidden,
        WorkspaceAppOpenIn openIn) {}
