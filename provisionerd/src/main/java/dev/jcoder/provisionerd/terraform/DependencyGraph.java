package dev.jcoder.provisionerd.terraform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource dependency graph printed by {@code terraform graph} (Terraform ≥ 1.7 prints only
 * resources, with dependencies through locals, variables and modules already resolved). Nodes are
 * resource addresses without instance keys ({@code module.m.docker_container.dev}); an edge
 * {@code "a" -> "b"} means a depends on b. It tells which resource an agent runs in and, while
 * planning (ids still unknown), which agent an app or script belongs to.
 */
final class DependencyGraph {
    private static final Pattern EDGE = Pattern.compile("^\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*->\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<String, Set<String>> dependencies;
    private final Map<String, Set<String>> dependents;

    private DependencyGraph(Map<String, Set<String>> dependencies, Map<String, Set<String>> dependents) {
        this.dependencies = dependencies;
        this.dependents = dependents;
    }

    static DependencyGraph empty() {
        return new DependencyGraph(Map.of(), Map.of());
    }

    static DependencyGraph parse(String dot) {
        Map<String, Set<String>> dependencies = new HashMap<>();
        Map<String, Set<String>> dependents = new HashMap<>();
        for (String line : dot.split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find()) {
                String from = unquote(edge.group(1));
                String to = unquote(edge.group(2));
                dependencies.computeIfAbsent(from, key -> new LinkedHashSet<>()).add(to);
                dependents.computeIfAbsent(to, key -> new LinkedHashSet<>()).add(from);
            }
        }
        return new DependencyGraph(dependencies, dependents);
    }

    private static String unquote(String text) {
        return text.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** True when {@code from} refers to {@code to} directly. */
    boolean dependsDirectly(String from, String to) {
        return dependencies.getOrDefault(from, Set.of()).contains(to);
    }

    /** Every node that depends on {@code label}, directly or not, with its distance (1 = direct). */
    Map<String, Integer> dependentsOf(String label) {
        Map<String, Integer> found = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(label);
        Map<String, Integer> depth = new HashMap<>(Map.of(label, 0));
        while (!queue.isEmpty()) {
            String node = queue.removeFirst();
            for (String dependent : dependents.getOrDefault(node, Set.of())) {
                if (!depth.containsKey(dependent)) {
                    depth.put(dependent, depth.get(node) + 1);
                    found.put(dependent, depth.get(node) + 1);
                    queue.addLast(dependent);
                }
            }
        }
        return found;
    }
}
