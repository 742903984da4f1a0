package dev.jcoder.provisionerd.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** terraform.tfstate read in the shape of show -json, with full instance addresses. */
class StateFileTest {

    @Test
    void instancesGetTheirShowJsonAddresses() throws Exception {
        String state = """
                {"version": 4, "terraform_version": "1.11.4", "resources": [
                  {"mode": "data", "type": "coder_workspace", "name": "me", "instances": [
                    {"schema_version": 1, "attributes": {"id": "w", "start_count": 1}}]},
                  {"mode": "managed", "type": "terraform_data", "name": "run", "instances": [
                    {"index_key": 0, "attributes": {"id": "a"}}, {"index_key": 1, "attributes": {"id": "b"}}]},
                  {"module": "module.m[\\"x\\"]", "mode": "managed", "type": "coder_app", "name": "code", "instances": [
                    {"index_key": "web", "attributes": {"slug": "code"}}]}
                ]}""";

        JsonNode module = StateFile.rootModule(state.getBytes(StandardCharsets.UTF_8));

        List<String> addresses = new ArrayList<>();
        module.path("resources").forEach(resource -> addresses.add(resource.path("mode").asText() + " "
                + resource.path("address").asText() + " " + resource.path("values").toString()));
        assertThat(addresses).containsExactly(
                "data data.coder_workspace.me {\"id\":\"w\",\"start_count\":1}",
                "managed terraform_data.run[0] {\"id\":\"a\"}",
                "managed terraform_data.run[1] {\"id\":\"b\"}",
                "managed module.m[\"x\"].coder_app.code[\"web\"] {\"slug\":\"code\"}");
        assertThat(StateFile.rootModule(new byte[0]).path("resources").size()).isZero();
    }

    @Test
    void otherStateFormatsAreRefused() {
        assertThatThrownBy(() -> StateFile.rootModule("{\"version\": 3}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("version 3");
    }
}
