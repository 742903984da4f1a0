package dev.jcoder.provisionerd.terraform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the Terraform provisioner.
 *
 * @param terraform       the executable: a name looked up on {@code PATH} or a path
 * @param cacheDirectory  where the shared provider plugin cache lives ({@code <cache>/terraform/plugins});
 *                        an operator's own {@code TF_PLUGIN_CACHE_DIR} wins
 * @param environment     the environment terraform runs with (the server's: {@code PATH},
 *                        {@code TF_CLI_CONFIG_FILE}, proxies, cloud credentials)
 * @param killGracePeriod how long terraform may take to stop after SIGINT before it is killed
 */
public record TerraformConfig(String terraform, Path cacheDirectory, Map<String, String> environment,
        Duration killGracePeriod) {
    public TerraformConfig {
        Objects.requireNonNull(terraform, "terraform");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(killGracePeriod, "killGracePeriod");
    }

    /** {@code terraform} from the process's {@code PATH}, the process environment, a 30 s grace period. */
    public static TerraformConfig defaults(Path cacheDirectory) {
        return new TerraformConfig("terraform", cacheDirectory, System.getenv(), Duration.ofSeconds(30));
    }

    public TerraformConfig withTerraform(String command) {
        return new TerraformConfig(command, cacheDirectory, environment, killGracePeriod);
    }

    public TerraformConfig withEnvironment(Map<String, String> variables) {
        return new TerraformConfig(terraform, cacheDirectory, variables, killGracePeriod);
    }

    public TerraformConfig withKillGracePeriod(Duration period) {
        return new TerraformConfig(terraform, cacheDirectory, environment, period);
    }

    Path pluginCacheDirectory() {
        return cacheDirectory.resolve("terraform").resolve("plugins");
    }
}
