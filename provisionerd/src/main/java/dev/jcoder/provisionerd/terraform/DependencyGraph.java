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

    /**
     * The graph a state records: every resource's {@code dependencies} (Terraform stores them
     * transitively, through locals, variables and modules), so a build needs no {@code terraform graph}.
     */
    static DependencyGraph fromDependencies(Map<String, Set<String>> dependenciesByLabel) {
        Map<String, Set<String>> dependencies = new HashMap<>();
        Map<String, Set<String>> dependents = new HashMap<>();
        dependenciesByLabel.forEach((from, targets) -> {
            for (String to : targets) {
                dependencies.computeIfAbsent(from, key -> new LinkedHashSet<>()).add(to);
                dependents.computeIfAbsent(to, key -> new LinkedHashSet<>()).add(from);
            }
        });
        return new DependencyGraph(dependencies, dependents);
    }

    /**
     * Of the {@code candidates} that depend on {@code label}, the closest: the fewest steps away, then
     * the one that depends on the fewest other such candidates (a transitive graph has every
     * dependent one step away), then the smallest address.
     */
    java.util.Optional<String> closestDependent(String label, Set<String> candidates) {
        Map<String, Integer> reachable = dependentsOf(label);
        Set<String> dependingCandidates = new java.util.HashSet<>(reachable.keySet());
        dependingCandidates.retainAll(candidates);
        return dependingCandidates.stream().min(java.util.Comparator.<String>comparingInt(reachable::get)
                .thenComparingLong(candidate -> dependenciesOf(candidate).stream()
                        .filter(dependingCandidates::contains).count())
                .thenComparing(java.util.Comparator.naturalOrder()));
    }

    /** Everything {@code label} depends on, directly or not. */
    private Set<String> dependenciesOf(String label) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(dependencies.getOrDefault(label, Set.of()));
        while (!queue.isEmpty()) {
            String node = queue.removeFirst();
            if (seen.add(node)) {
                queue.addAll(dependencies.getOrDefault(node, Set.of()));
            }
        }
        return seen;
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
