package dev.jcoder.codersdk.provisionerd;

import dev.jcoder.codersdk.Healthcheck;
import dev.jcoder.codersdk.WorkspaceAppOpenIn;
import dev.jcoder.codersdk.WorkspaceAppSharingLevel;

/** A {@code coder_app} of an agent as the provisioner found it. Null enums take Coder's defaults. */
public record App(String slug, String displayName, String command, String url, String icon, boolean subdomain,
        WorkspaceAppSharingLevel sharingLevel, Healthcheck healthcheck, boolean external, boolean hidden,
        WorkspaceAppOpenIn openIn) {
    public App {
        displayName = displayName == null ? "" : displayName;
        command = command == null ? "" : command;
        url = url == null ? "" : url;
        icon = icon == null ? "" : icon;
        sharingLevel = sharingLevel == null ? WorkspaceAppSharingLevel.OWNER : sharingLevel;
        openIn = openIn == null ? WorkspaceAppOpenIn.SLIM_WINDOW : openIn;
    }
}
