package dev.jcoder.provisionerd.terraform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent bootstrap scripts the provisioner hands to the {@code coder} provider as
 * {@code CODER_AGENT_SCRIPT_<os>_<arch>} (they become {@code coder_agent.init_script}), for the
 * platforms Coder serves. The provider replaces {@code ${ACCESS_URL}} and {@code ${AUTH_TYPE}}.
 */
final class AgentScripts {
    private static final List<String> UNIX = List.of("linux/amd64", "linux/arm64", "linux/armv7", "darwin/amd64",
            "darwin/arm64");
    private static final List<String> WINDOWS = List.of("windows/amd64", "windows/arm64");
    private static final Map<String, String> SCRIPTS = load();

    private AgentScripts() {}

    /** os/arch ("linux/amd64") to script. */
    static Map<String, String> all() {
        return SCRIPTS;
    }

    private static Map<String, String> load() {
        String unix = resource("bootstrap-unix.sh");
        String windows = resource("bootstrap-windows.ps1");
        Map<String, String> scripts = new LinkedHashMap<>();
        for (String platform : UNIX) {
            scripts.put(platform, fill(unix, platform));
        }
        for (String platform : WINDOWS) {
            scripts.put(platform, fill(windows, platform));
        }
        return Map.copyOf(scripts);
    }

    private static String fill(String script, String platform) {
        String[] parts = platform.split("/");
        return script.replace("{{OS}}", parts[0]).replace("{{ARCH}}", parts[1]);
    }

    private static String resource(String name) {
        try (InputStream in = AgentScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing agent bootstrap script " + name + ".");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
