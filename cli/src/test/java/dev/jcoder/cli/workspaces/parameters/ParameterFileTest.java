package dev.jcoder.cli.workspaces.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterFileTest {
    @TempDir
    Path temp;

    @Test
    void scalarsAreTakenAsWrittenAndListsBecomeJson() throws IOException {
        Path file = temp.resolve("params.yaml");
        Files.writeString(file, """
                # a comment
                region: eu
                cpu: 4
                gpu: true
                motd: "hello: world"
                ides:
                  - vscode
                  - jetbrains
                empty:
                """);
        assertThat(ParameterFile.read(file)).containsExactly(
                java.util.Map.entry("region", "eu"), java.util.Map.entry("cpu", "4"), java.util.Map.entry("gpu", "true"),
                java.util.Map.entry("motd", "hello: world"), java.util.Map.entry("ides", "[\"vscode\",\"jetbrains\"]"),
                java.util.Map.entry("empty", ""));
    }

    @Test
    void anEmptyFileHasNoValues() throws IOException {
        Path file = Files.writeString(temp.resolve("empty.yaml"), "");
        assertThat(ParameterFile.read(file)).isEmpty();
    }

    @Test
    void filesThatAreNotAMapOfValuesAreRejected() throws IOException {
        assertThatThrownBy(() -> ParameterFile.read(temp.resolve("missing.yaml"))).hasMessageContaining("does not exist");
        Path list = Files.writeString(temp.resolve("list.yaml"), "- a\n- b\n");
        assertThatThrownBy(() -> ParameterFile.read(list)).hasMessageContaining("must be a YAML map");
        Path nested = Files.writeString(temp.resolve("nested.yaml"), "region:\n  name: eu\n");
        assertThatThrownBy(() -> ParameterFile.read(nested)).hasMessageContaining("\"region\"").hasMessageContaining("not a map");
        Path broken = Files.writeString(temp.resolve("broken.yaml"), "region: [eu\n");
        assertThatThrownBy(() -> ParameterFile.read(broken)).hasMessageContaining("not valid YAML");
    }
}
