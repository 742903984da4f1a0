package dev.jcoder.provisionerd.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.codersdk.provisionerd.JobResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template that needs a provider besides {@code coder/coder}: terraform installs it from the
 * filesystem mirror named by the operator's {@code TF_CLI_CONFIG_FILE}, through the shared plugin
 * cache, while {@code coder/coder} stays reattached. The second provider is our own provider package
 * published in the mirror under another source address, launched by terraform like any plugin.
 */
class MirroredProviderTest {
    private static final Path PACKAGE = Path.of("..", "terraform-provider", "target", "mirror", "registry.terraform.io",
            "coder", "coder", "2.17.0", "linux_amd64");

    @Test
    void providersFromTheOperatorsMirrorAreInstalledThroughThePluginCache(@TempDir Path cache, @TempDir Path jobs)
            throws Exception {
        assertThat(PACKAGE.resolve("jcoder-coder-provider.jar"))
                .as("run ./mvnw -pl terraform-provider package first").exists();
        Path mirror = cache.resolve("mirror");
        Path target = mirror.resolve("example.com/jcoder/coder/2.17.0/linux_amd64");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(PACKAGE)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        TerraformConfig config = TestProvisioners.offlineConfig(cache, """
                provider_installation {
                  filesystem_mirror {
                    path    = "%s"
                    include = ["example.com/*/*"]
                  }
                }
                """.formatted(mirror));
        Path work = Jobs.workDirectory("""
                terraform {
                  required_providers {
                    coder = {
                      source = "coder/coder"
                    }
                    mirrored = {
                      source  = "example.com/jcoder/coder"
                      version = "2.17.0"
                    }
                  }
                }
                data "coder_provisioner" "mirrored" {
                  provider = mirrored
                }
                resource "coder_agent" "main" {
                  os   = data.coder_provisioner.mirrored.os
                  arch = data.coder_provisioner.mirrored.arch
                }
                resource "terraform_data" "dev" {
                  input = coder_agent.main.init_script
                }
                """, jobs);
        RecordingSession session = new RecordingSession();

        try (TerraformProvisioner provisioner = TestProvisioners.start(config)) {
            JobResult.WorkspaceBuild build;
            try {
                build = (JobResult.WorkspaceBuild) provisioner.run(
                        Jobs.build(WorkspaceTransition.START, new byte[0], List.of(), List.of()), work, session);
            } catch (Exception e) {
                throw new AssertionError(session.allOutput(), e);
            }

            assertThat(build.timings()).anySatisfy(timing -> {
                assertThat(timing.stage()).isEqualTo("init");
                assertThat(timing.action()).isEqualTo("initializing terraform");
            });
            assertThat(build.resources()).singleElement().satisfies(resource -> {
                assertThat(resource.name()).isEqualTo("dev");
                assertThat(resource.agents()).singleElement()
                        .satisfies(agent -> assertThat(agent.operatingSystem()).isEqualTo("linux"));
            });
        }
        assertThat(cache.resolve("terraform/plugins/example.com/jcoder/coder/2.17.0/linux_amd64")).isDirectory();
        assertThat(session.output("Setting up")).anyMatch(line -> line.contains("example.com/jcoder/coder"));
    }
}
