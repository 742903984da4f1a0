package dev.jcoder.codersdk.provisionerd;

/**
 * A {@code coder_script} of an agent (or its legacy {@code startup_script}/{@code shutdown_script},
 * which the provisioner turns into scripts named "Startup Script" and "Shutdown Script" as Coder
 * does). {@code cron} is empty unless the script runs on a schedule; a zero timeout means none.
 */
public record Script(String displayName, String icon, String script, String cron, boolean startBlocksLogin,
        boolean runOnStart, boolean runOnStop, int timeoutSeconds, String logPath) {
    public Script {
        displayName = displayName == null ? "" : displayName;
        icon = icon == null ? "" : icon;
        script = script == null ? "" : script;
        cron = cron == null ? "" : cron;
        logPath = logPath == null ? "" : logPath;
    }
}
