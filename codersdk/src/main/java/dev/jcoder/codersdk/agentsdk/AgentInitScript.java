package dev.jcoder.codersdk.agentsdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The script that starts an agent in a workspace ({@code coder_agent.init_script}, also served at
 * {@code GET /api/v2/init-script/{os}/{arch}}): a POSIX sh script that downloads
 * {@code ${ACCESS_URL}bin/coder-<os>-<arch>} with curl, wget or busybox wget (retrying until the
 * server answers, re-downloading only when its ETag changed), checks that it runs, and execs
 * {@code coder agent} with {@code CODER_AGENT_URL} and {@code CODER_AGENT_AUTH}; the token comes
 * from the environment ({@code CODER_AGENT_TOKEN}). On failure it says why and sleeps 24 hours so
 * the workspace stays up for debugging.
 *
 * <p>As in Coder, {@link #template} fills in the OS and architecture and leaves
 * {@code ${ACCESS_URL}} and {@code ${AUTH_TYPE}} for the Terraform provider (which knows them) or
 * {@link #render}. The provisioner hands {@link #providerEnvironment()} to the provider.
 */
public final class AgentInitScript {
    /** Operating systems with a POSIX sh bootstrap (Windows would need PowerShell). */
    public static final List<String> OPERATING_SYSTEMS = List.of("linux", "darwin");
    public static final List<String> ARCHITECTURES = List.of("amd64", "arm64", "armv7");

    private static final String UNIX = load("bootstrap_unix.sh");

    private AgentInitScript() {}

    /** The script for {@code os}/{@code arch} with the placeholders {@code ${ACCESS_URL}} and {@code ${AUTH_TYPE}} left in. */
    public static Optional<String> template(String os, String arch) {
        if (!OPERATING_SYSTEMS.contains(os) || !ARCHITECTURES.contains(arch)) {
            return Optional.empty();
        }
        return Optional.of(UNIX.replace("${OS}", os).replace("${ARCH}", arch));
    }

    /** The script with every placeholder filled; {@code accessUrl} gets a trailing slash if it lacks one. */
    public static String render(String template, String accessUrl, String authType) {
        String url = accessUrl.endsWith("/") ? accessUrl : accessUrl + "/";
        return template.replace("${ACCESS_URL}", url).replace("${AUTH_TYPE}", authType);
    }

    /**
     * {@code CODER_AGENT_SCRIPT_<os>_<arch>} for every supported pair: what the {@code coder}
     * Terraform provider reads to fill {@code coder_agent.init_script}.
     */
    public static Map<String, String> providerEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String os : OPERATING_SYSTEMS) {
            for (String arch : ARCHITECTURES) {
                env.put("CODER_AGENT_SCRIPT_" + os + "_" + arch, template(os, arch).orElseThrow());
            }
        }
        return Map.copyOf(env);
    }

    private static String load(String name) {
        try (InputStream in = AgentInitScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
