package dev.jcoder.terraform.provider.server;

import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.AttributePath;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.NestedBlock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SDKv2's planning for this provider's resources, which have no Update: a create plans defaults and
 * unknown computed values; an existing resource either stays exactly as it is or, when a ForceNew
 * value differs, is replaced.
 */
final class Planner {

  /** The outcome: the planned value and the paths that force replacement. */
  record Plan(ObjectValue planned, List<AttributePath> requiresReplace) {
    Plan {
      requiresReplace = List.copyOf(requiresReplace);
    }
  }

  private Planner() {}

  static Plan plan(Block block, Optional<ObjectValue> prior, ObjectValue config) {
    ObjectValue created = planCreate(block, config);
    if (prior.isEmpty()) {
      return new Plan(created, List.of());
    }
    List<AttributePath> replace = new ArrayList<>();
    boolean changed = false;
    for (Attribute attribute : block.attributes()) {
      if (!attribute.mode().configurable()) {
        continue;
      }
      Value configured = config.get(attribute.name());
      if (attribute.mode() == Attribute.Mode.OPTIONAL_COMPUTED && configured.isNull()) {
        continue;
      }
      if (!equivalent(created.get(attribute.name()), prior.get().get(attribute.name()))) {
        changed = true;
        if (attribute.forceNew()) {
          replace.add(AttributePath.of(attribute.name()));
        }
      }
    }
    for (NestedBlock nested : block.blocks()) {
      List<Value> configured = config.get(nested.name()).elements();
      if (nested.computed() && configured.isEmpty() && !config.get(nested.name()).isUnknown()) {
        continue;
      }
      if (!equivalentBlocks(nested, created.get(nested.name()), prior.get().get(nested.name()))) {
        changed = true;
        if (nested.forceNew()) {
          replace.add(AttributePath.of(nested.name()));
        }
      }
    }
    if (!replace.isEmpty()) {
      return new Plan(created, replace);
    }
    if (!changed) {
      return new Plan(prior.get(), List.of());
    }
    // A change of a non-ForceNew argument: this provider has none besides a configured id.
    return new Plan(prior.get(), List.of());
  }

  /** The planned value of a new object: config, defaults, unknown computed values. */
  static ObjectValue planCreate(Block block, ObjectValue config) {
    Map<String, Value> planned = new LinkedHashMap<>();
    for (Attribute attribute : block.attributes()) {
      Value configured = config.get(attribute.name());
      planned.put(attribute.name(), switch (attribute.mode()) {
        case COMPUTED -> Value.UNKNOWN;
        case OPTIONAL_COMPUTED -> configured.isNull() ? Value.UNKNOWN : configured;
        case REQUIRED, OPTIONAL -> configured.isNull() ? attribute.defaultValue().orElse(Value.NULL) : configured;
      });
    }
    for (NestedBlock nested : block.blocks()) {
      Value configured = config.get(nested.name());
      if (configured.isUnknown()) {
        planned.put(nested.name(), Value.UNKNOWN);
        continue;
      }
      List<Value> elements = configured.elements();
      if (elements.isEmpty() && nested.computed()) {
        planned.put(nested.name(), Value.UNKNOWN);
        continue;
      }
      List<Value> plannedElements = new ArrayList<>();
      for (Value element : elements) {
        plannedElements.add(element instanceof ObjectValue o ? planCreate(nested.block(), o) : element);
      }
      planned.put(nested.name(), Value.list(plannedElements));
    }
    return new ObjectValue(planned);
  }

  private static boolean equivalentBlocks(NestedBlock nested, Value planned, Value prior) {
    if (planned.isUnknown()) {
      return false;
    }
    List<Value> left = planned.elements();
    List<Value> right = new ArrayList<>(prior.elements());
    if (left.size() != right.size()) {
      return false;
    }
    if (nested.nesting() == NestedBlock.Nesting.LIST) {
      for (int i = 0; i < left.size(); i++) {
        if (!equivalentObjects(nested.block(), left.get(i), right.get(i))) {
          return false;
        }
      }
      return true;
    }
    // Sets: every planned element must match a distinct prior element.
    for (Value element : left) {
      boolean matched = false;
      for (int i = 0; i < right.size(); i++) {
        if (equivalentObjects(nested.block(), element, right.get(i))) {
          right.remove(i);
          matched = true;
          break;
        }
      }
      if (!matched) {
        return false;
      }
    }
    return true;
  }

  private static boolean equivalentObjects(Block block, Value planned, Value prior) {
    if (!(planned instanceof ObjectValue left) || !(prior instanceof ObjectValue right)) {
      return planned.equals(prior);
    }
    for (Attribute attribute : block.attributes()) {
      if (attribute.mode() == Attribute.Mode.COMPUTED) {
        continue;
      }
      if (!equivalent(left.get(attribute.name()), right.get(attribute.name()))) {
        return false;
      }
    }
    for (NestedBlock nested : block.blocks()) {
      if (!equivalentBlocks(nested, left.get(nested.name()), right.get(nested.name()))) {
        return false;
      }
    }
    return true;
  }

  /** Equality as SDKv2's flatmap diff sees it: null and the zero value are the same. */
  static boolean equivalent(Value planned, Value prior) {
    if (planned.isUnknown()) {
      return false;
    }
    Value left = zeroToNull(planned);
    Value right = zeroToNull(prior);
    if (left instanceof Value.ListValue l && right instanceof Value.ListValue r) {
      if (l.elements().size() != r.elements().size()) {
        return false;
      }
      for (int i = 0; i < l.elements().size(); i++) {
        if (!equivalent(l.elements().get(i), r.elements().get(i))) {
          return false;
        }
      }
      return true;
    }
    return left.equals(right);
  }

  private static Value zeroToNull(Value value) {
    return switch (value) {
      case Value.StringValue s when s.value().isEmpty() -> Value.NULL;
      case Value.BoolValue b when !b.value() -> Value.NULL;
      case Value.NumberValue n when n.value().compareTo(BigDecimal.ZERO) == 0 -> Value.NULL;
      case Value.ListValue l when l.elements().isEmpty() -> Value.NULL;
      case Value.MapValue m when m.entries().isEmpty() -> Value.NULL;
      default -> value;
    };
  }
}
