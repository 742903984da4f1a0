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
        assertThat(graph.closestDependent("coder_agent.main",
                java.util.Set.of("terraform_data.run", "module.m.terraform_data.inner"))).contains("terraform_data.run");
    }

    @Test
    void theClosestDependentOfATransitiveStateGraphIsTheOneDependingOnNoOtherCandidate() {
        // As a state records it: "outer" depends on "run" and, through it, on the agent.
        DependencyGraph graph = DependencyGraph.fromDependencies(Map.of(
                "terraform_data.outer", java.util.Set.of("coder_agent.main", "terraform_data.run"),
                "terraform_data.run", java.util.Set.of("coder_agent.main", "data.coder_workspace.me"),
                "module.m.terraform_data.inner", java.util.Set.of("coder_agent.main"),
                "coder_app.code", java.util.Set.of("coder_agent.main")));
        java.util.Set<String> resources = java.util.Set.of("terraform_data.outer", "terraform_data.run",
                "module.m.terraform_data.inner", "terraform_data.home");

        assertThat(graph.closestDependent("coder_agent.main", resources)).contains("module.m.terraform_data.inner");
        assertThat(graph.closestDependent("coder_agent.main", java.util.Set.of("terraform_data.outer",
                "terraform_data.run"))).contains("terraform_data.run");
        assertThat(graph.closestDependent("coder_agent.other", resources)).isEmpty();
    }
}
