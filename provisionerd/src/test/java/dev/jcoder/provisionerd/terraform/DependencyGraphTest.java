package dev.jcoder.provisionerd.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary graph of terraform graph (Terraform 1.7+). */
class DependencyGraphTest {
    private static final String DOT = """
            digraph G {
              rankdir = "RL";
              node [shape = rect, fontname = "sans-serif"];
              "data.coder_workspace.me" [label="data.coder_workspace.me"];
              "coder_agent.main" [label="coder_agent.main"];
              subgraph "cluster_module.m" {
                label = "module.m"
                "module.m.terraform_data.inner" [label="terraform_data.inner"];
              }
              "terraform_data.run" -> "data.coder_workspace.me";
              "terraform_data.run" -> "coder_agent.main";
              "module.m.terraform_data.inner" -> "terraform_data.run";
              "coder_app.code" -> "coder_agent.main";
            }
            """;

    @Test
    void findsDirectAndTransitiveDependents() {
        DependencyGraph graph = DependencyGraph.parse(DOT);

        assertThat(graph.dependsDirectly("coder_app.code", "coder_agent.main")).isTrue();
        assertThat(graph.dependsDirectly("coder_agent.main", "coder_app.code")).isFalse();
        assertThat(graph.dependentsOf("coder_agent.main")).isEqualTo(
                Map.of("terraform_data.run", 1, "coder_app.code", 1, "module.m.terraform_data.inner", 2));
        assertThat(DependencyGraph.empty().dependentsOf("coder_agent.main")).isEmpty();
    }
}
