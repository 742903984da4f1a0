package dev.jcoder.cli;

import dev.jcoder.cli.config.ConfigDirectory;
import dev.jcoder.codersdk.CoderClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Coder's global options, inherited by every subcommand: where the server is, which token to
 * use, and where the CLI keeps its session.
 */
public final class GlobalOptions {
    @Option(names = "--url", paramLabel = "<url>",
            defaultValue = "${env:CODER_URL}", description = "URL to a deployment. Env: $CODER_URL.")
    String url;

    @Option(names = "--token", paramLabel = "<string>",
            defaultValue = "${env:CODER_SESSION_TOKEN}",
            description = "Specify an authentication token. For security reasons setting CODER_SESSION_TOKEN is preferred. Env: $CODER_SESSION_TOKEN.")
    String token;

    @Option(names = "--global-config", paramLabel = "<path>",
            defaultValue = "${env:CODER_CONFIG_DIR}",
            description = "Path to the global `coder` config directory (default ~/.config/jcoder). Env: $CODER_CONFIG_DIR.")
    Path globalConfig;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show help.")
    boolean help;

    public ConfigDirectory configDirectory() {
        return new ConfigDirectory(globalConfig != null ? globalConfig : ConfigDirectory.defaultPath());
    }

    /** The deployment URL from {@code --url}/{@code CODER_URL} or the one saved by {@code coder login}. */
    public Optional<URI> deploymentUrl() {
        if (url != null && !url.isBlank()) {
            return Optional.of(ConfigDirectory.normalizeUrl(url));
        }
        return configDirectory().url();
    }

    /** A client for the deployment, signed in with {@code --token}/{@code CODER_SESSION_TOKEN} or the saved session. */
    public CoderClient client() {
        URI deployment = deploymentUrl().orElseThrow(() -> new CliException(
                "You are not logged in. Try logging in using 'coder login <url>'."));
        String session = token != null && !token.isBlank() ? token : configDirectory().sessionToken().orElseThrow(
                () -> new CliException("You are not logged in. Try logging in using 'coder login " + deployment + "'."));
        return new CoderClient(deployment).withToken(session.strip());
    }

    public Optional<String> explicitToken() {
        return Optional.ofNullable(token).filter(value -> !value.isBlank());
    }
}
