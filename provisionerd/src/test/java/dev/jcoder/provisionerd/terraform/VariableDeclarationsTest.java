package dev.jcoder.provisionerd.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.codersdk.provisionerd.TemplateVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading variable blocks without Terraform. */
class VariableDeclarationsTest {

    @Test
    void readsLiteralsHeredocsCommentsAndSkipsOtherBlocks(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.tf"), """
                # comment with variable "fake" {
                resource "x" "y" {
                  command = <<-EOT
                    echo "} {"
                  EOT
                  nested {
                    a = [1, 2, { b = "}" }]
                  }
                }
                /* variable "hidden" { } */
                variable "list" {
                  type    = list(object({ name = string, size = number }))
                  default = [
                    { name = "a", size = 1 },
                    { name = "b\\n\\"q\\"", size = 2.5 },
                  ]
                }
                variable "escaped" {
                  default     = "$${HOME} and ${var.x}"
                  description = <<EOT
                Line one
                Line two
                EOT
                  validation {
                    condition     = length(var.escaped) > 0
                    error_message = "Must not be empty."
                  }
                }
                variable "nullable" {
                  default = null
                  nullable = true
                }
                variable "number" {
                  type = number
                  default = -1e3
                }
                """);
        Files.writeString(dir.resolve("a.tf.json"), """
                {"variable": {"json_var": {"type": "string", "description": "From JSON", "sensitive": true}}}
                """);
        Files.writeString(dir.resolve("notes.txt"), "variable \"ignored\" {}");

        assertThat(VariableDeclarations.read(dir)).containsExactly(
                new TemplateVariable("json_var", "From JSON", "string", "", true, true),
                new TemplateVariable("list", "", "list(object({name=string,size=number}))",
                        "[{\"name\":\"a\",\"size\":1},{\"name\":\"b\\n\\\"q\\\"\",\"size\":2.5}]", false, false),
                new TemplateVariable("escaped", "Line one\nLine two\n", "string", "${HOME} and ${var.x}", false, false),
                new TemplateVariable("nullable", "", "string", "", false, false),
                new TemplateVariable("number", "", "number", "-1000", false, false));
    }
}
