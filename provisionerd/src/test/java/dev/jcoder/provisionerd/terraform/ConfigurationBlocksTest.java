package dev.jcoder.provisionerd.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a template can be planned without terraform init. */
class ConfigurationBlocksTest {
    private static final String CODER_ONLY = """
            terraform {
              required_version = ">= 1.9"
              required_providers {
                coder = {
                  source  = "coder/coder"
                  version = ">= 2.0"
                }
              }
            }
            provider "coder" {}
            variable "x" {
              default = "{"
            }
            locals {
              a = { b = "}" }
            }
            data "coder_workspace" "me" {}
            resource "terraform_data" "home" {
              input = "x"
              provisioner "local-exec" {
                command = <<-EOT
                  echo "}"
                EOT
              }
            }
            output "id" {
              value = terraform_data.home.id
            }
            """;

    @Test
    void coderAndBuiltInProvidersOnlyNeedNoInit(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("main.tf"), CODER_ONLY);
        Files.writeString(dir.resolve("README.md"), "module \"x\" {}");

        assertThat(ConfigurationBlocks.needInit(dir)).isFalse();
        assertThat(ConfigurationBlocks.needInit(TestProvisioners.examples().resolve("local"))).isFalse();
    }

    @Test
    void anythingElseNeedsInit(@TempDir Path root) throws Exception {
        assertNeedsInit(root, "a", CODER_ONLY + "module \"m\" {\n  source = \"./m\"\n}\n");
        assertNeedsInit(root, "b", CODER_ONLY + "resource \"null_resource\" \"x\" {}\n");
        assertNeedsInit(root, "c", CODER_ONLY + "data \"http\" \"x\" {\n  url = \"https://example.com\"\n}\n");
        assertNeedsInit(root, "d", CODER_ONLY + "provider \"docker\" {}\n");
        assertNeedsInit(root, "e", CODER_ONLY.replace("required_version = \">= 1.9\"",
                "backend \"local\" {\n    path = \"x\"\n  }"));
        assertNeedsInit(root, "f", CODER_ONLY.replace("source  = \"coder/coder\"", "source  = \"kreuzwerker/docker\""));
        assertNeedsInit(root, "g", CODER_ONLY.replace("version = \">= 2.0\"\n    }",
                "version = \">= 2.0\"\n    }\n    docker = {\n      source = \"kreuzwerker/docker\"\n    }"));
        assertNeedsInit(root, "h", "resource \"coder_agent\" \"x\" {\n  os = \"linux\"\n");
        assertThat(ConfigurationBlocks.needInit(TestProvisioners.examples().resolve("docker"))).isTrue();
        assertThat(ConfigurationBlocks.needInit(TestProvisioners.examples().resolve("kubernetes"))).isTrue();

        Path locked = Files.createDirectories(root.resolve("locked"));
        Files.writeString(locked.resolve("main.tf"), CODER_ONLY);
        Files.writeString(locked.resolve(".terraform.lock.hcl"), "");
        assertThat(ConfigurationBlocks.needInit(locked)).isTrue();
    }

    private static void assertNeedsInit(Path root, String name, String mainTf) throws Exception {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve("main.tf"), mainTf);
        assertThat(ConfigurationBlocks.needInit(dir)).as(name).isTrue();
    }
}
