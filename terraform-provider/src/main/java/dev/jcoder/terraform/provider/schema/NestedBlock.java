package dev.jcoder.terraform.provider.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A nested block. {@code computed} marks SDKv2's Optional+Computed blocks (only {@code
 * coder_agent.display_apps}): absent from configuration, the provider fills them in.
 */
public record NestedBlock(
    String name,
    Nesting nesting,
    Block block,
    int minItems,
    int maxItems,
    boolean computed,
    boolean forceNew,
    Optional<String> deprecation,
    List<String> conflictsWith) {

  public enum Nesting {
    LIST,
    SET
  }

  public NestedBlock {
    Objects.requireNonNull(name);
    Objects.requireNonNull(nesting);
    Objects.requireNonNull(block);
    Objects.requireNonNull(deprecation);
    conflictsWith = List.copyOf(conflictsWith);
  }

  public static NestedBlock list(String name, Block block) {
    return new NestedBlock(name, Nesting.LIST, block, 0, 0, false, false, Optional.empty(), List.of());
  }

  public static NestedBlock set(String name, Block block) {
    return new NestedBlock(name, Nesting.SET, block, 0, 0, false, false, Optional.empty(), List.of());
  }

  public NestedBlock items(int min, int max) {
    return new NestedBlock(name, nesting, block, min, max, computed, forceNew, deprecation, conflictsWith);
  }

  public NestedBlock maxOne() {
    return items(minItems, 1);
  }

  public NestedBlock asComputed() {
    return new NestedBlock(name, nesting, block, minItems, maxItems, true, forceNew, deprecation, conflictsWith);
  }

  public NestedBlock asForceNew() {
    return new NestedBlock(name, nesting, block, minItems, maxItems, computed, true, deprecation, conflictsWith);
  }

  public NestedBlock conflictsWith(String... keys) {
    return new NestedBlock(name, nesting, block, minItems, maxItems, computed, forceNew, deprecation, List.of(keys));
  }
}
