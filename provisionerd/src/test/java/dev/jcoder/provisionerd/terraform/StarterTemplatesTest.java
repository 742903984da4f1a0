package dev.jcoder.provisionerd.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.provisionerd.TemplateVariable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The starters in examples/templates: indexed with their files, formatted, variables readable. */
class StarterTemplatesTest {
    private static final Path EXAMPLES = TestProvisioners.examples();

    @Test
    void theIndexListsEveryStarterWithItsFiles() throws Exception {
        JsonNode index = Json.mapper().readTree(EXAMPLES.resolve("index.json").toFile());
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : index) {
            String id = entry.path("id").asText();
            ids.add(id);
            assertThat(entry.path("name").asText()).isNotBlank();
            assertThat(entry.path("description").asText()).isNotBlank();
            List<String> files = new ArrayList<>();
            entry.path("files").forEach(file -> files.add(file.asText()));
            try (Stream<Path> listing = Files.list(EXAMPLES.resolve(id))) {
                assertThat(files).as(id).containsExactlyInAnyOrderElementsOf(
                        listing.map(path -> path.getFileName().toString()).toList());
            }
            assertThat(files).contains("README.md", "main.tf");
        }
        try (Stream<Path> directories = Files.list(EXAMPLES)) {
            assertThat(ids).containsExactlyInAnyOrderElementsOf(
                    directories.filter(Files::isDirectory).map(path -> path.getFileName().toString()).toList());
        }
        assertThat(ids).containsExactly("local", "docker", "kubernetes");
    }

    @Test
    void startersAreFormatted() throws Exception {
        Process fmt = new ProcessBuilder("terraform", "fmt", "-check", "-recursive", "-diff", EXAMPLES.toString())
                .redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        fmt.getInputStream().transferTo(output);
        assertThat(fmt.waitFor()).as(output.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void startersVariablesAreReadable() throws Exception {
        assertThat(VariableDeclarations.read(EXAMPLES.resolve("local"))).containsExactly(new TemplateVariable(
                "workspaces_directory",
                "Directory on the provisioner's host under which each workspace gets its home directory.", "string",
                "~/jcoder-workspaces", false, false));
        assertThat(VariableDeclarations.read(EXAMPLES.resolve("docker"))).extracting(TemplateVariable::name)
                .containsExactly("docker_socket", "image");
        List<TemplateVariable> kubernetes = VariableDeclarations.read(EXAMPLES.resolve("kubernetes"));
        assertThat(kubernetes).extracting(TemplateVariable::name).containsExactly("use_kubeconfig", "namespace", "image");
        assertThat(kubernetes.getFirst().type()).isEqualTo("bool");
        assertThat(kubernetes.getFirst().defaultValue()).isEqualTo("false");
        assertThat(kubernetes.getFirst().description()).startsWith("Use the host's kubeconfig (~/.kube/config)");
    }
}
