package dev.jcoder.provisionerd.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Terraform provisioners for tests: the real terraform binary, offline. The CLI configuration allows
 * no registry at all (only an empty filesystem mirror), so {@code coder/coder} can only come through
 * reattach and anything else fails fast instead of reaching the network.
 */
final class TestProvisioners {
    private TestProvisioners() {}

    static TerraformConfig offlineConfig(Path cacheDirectory) {
        return offlineConfig(cacheDirectory, """
                provider_installation {
                  filesystem_mirror {
                    path = "%s"
                  }
                }
                """.formatted(cacheDirectory.resolve("empty-mirror")));
    }

    static TerraformConfig offlineConfig(Path cacheDirectory, String cliConfig) {
        try {
            Files.createDirectories(cacheDirectory.resolve("empty-mirror"));
            Path file = cacheDirectory.resolve("terraform.rc");
            Files.writeString(file, cliConfig);
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.put("TF_CLI_CONFIG_FILE", file.toString());
            environment.remove("TF_PLUGIN_CACHE_DIR");
            environment.remove("TF_REATTACH_PROVIDERS");
            return TerraformConfig.defaults(cacheDirectory).withEnvironment(environment)
                    .withKillGracePeriod(Duration.ofSeconds(5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TerraformProvisioner start(TerraformConfig config) {
        return TerraformProvisioner.start(config, Clock.systemUTC());
    }

    /** The examples/templates directory of the repository. */
    static Path examples() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("examples/templates"))) {
                return dir.resolve("examples/templates");
            }
        }
        throw new IllegalStateException("examples/templates not found above " + here);
    }
}
