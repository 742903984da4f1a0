package dev.jcoder.agent;

import dev.jcoder.codersdk.agentsdk.Manifest;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables every SSH session and script of the workspace gets on top of the agent's own
 * environment, as Coder's agent sets them: the template's {@code env}/{@code coder_env} values
 * first, then {@code CODER=true}, the workspace, owner and agent names, {@code CODER_AGENT_URL},
 * {@code VSCODE_PROXY_URI} when the deployment has one, and {@code GIT_SSH_COMMAND} using the
 * owner's Coder SSH key when the agent could fetch it. The Coder variables come last so that a
 * template cannot make a workspace claim to be another.
 */
public final class WorkspaceEnvironment {
    private WorkspaceEnvironment() {}

    public static Map<String, String> of(Manifest manifest, URI agentUrl, Optional<Path> gitSshKeyFile) {
        Map<String, String> env = new LinkedHashMap<>(manifest.environmentVariables());
        env.put("CODER", "true");
        env.put("CODER_WORKSPACE_NAME", manifest.workspaceName());
        env.put("CODER_WORKSPACE_OWNER_NAME", manifest.ownerName());
        env.put("CODER_WORKSPACE_AGENT_NAME", manifest.agentName());
        env.put("CODER_AGENT_URL", agentUrl.toString().endsWith("/") ? agentUrl.toString() : agentUrl + "/");
        if (!manifest.vscodePortProxyUri().isEmpty()) {
            env.put("VSCODE_PROXY_URI", manifest.vscodePortProxyUri());
        }
        gitSshKeyFile.ifPresent(key -> env.put("GIT_SSH_COMMAND",
                "ssh -i '" + key + "' -o IdentitiesOnly=no -o StrictHostKeyChecking=accept-new"));
        return Map.copyOf(env);
    }

    /** The process environment a script runs with: the agent's own, less its secret, plus {@code base}. */
    public static Map<String, String> forProcesses(Map<String, String> base) {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.remove("CODER_AGENT_TOKEN");
        env.putAll(base);
        return env;
    }

    /** Expands a leading {@code ~} and {@code $VAR}/{@code ${VAR}} in the manifest's directory; empty → home. */
    public static Path expandDirectory(String directory, Map<String, String> env) {
        String home = System.getProperty("user.home");
        if (directory.isBlank()) {
            return Path.of(home);
        }
        String expanded = directory.strip();
        if (expanded.equals("~") || expanded.startsWith("~/")) {
            expanded = home + expanded.substring(1);
        }
        var matcher = java.util.regex.Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)").matcher(expanded);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String value = env.getOrDefault(name, name.equals("HOME") ? home : "");
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        Path path = Path.of(out.toString());
        return path.isAbsolute() ? path : Path.of(home).resolve(path);
    }
}
