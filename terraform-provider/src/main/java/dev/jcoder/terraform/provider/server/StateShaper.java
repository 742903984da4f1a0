package dev.jcoder.terraform.provider.server;

import dev.jcoder.terraform.provider.ProviderContext;
import dev.jcoder.terraform.provider.cty.CtyType;
import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.NestedBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives values the shape SDKv2 gives them when it writes state: unset primitives inside nested
 * blocks become zero values, top-level ones stay null, absent blocks become empty lists (resources)
 * or null (data sources), and nothing unknown remains.
 */
final class StateShaper {

  private StateShaper() {}

  /** A created resource: resolve leftover unknowns (id gets a UUID) and zero-fill nested values. */
  static ObjectValue resourceState(Block block, ObjectValue created) {
    ObjectValue shaped = shape(block, created, false, true);
    if (shaped.get("id").isNull() && block.attribute("id").isPresent()) {
      shaped = shaped.with("id", Value.string(ProviderContext.newId()));
    }
    return shaped;
  }

  /**
   * Upgraded state: same shape rules, nothing generated. Top-level attributes that an older
   * provider version did not have at all (absent keys, not explicit nulls) get their default, so an
   * upgrade alone never forces a replacement.
   */
  static ObjectValue upgradedState(Block block, ObjectValue state, java.util.Set<String> storedKeys) {
    ObjectValue filled = state;
    for (Attribute attribute : block.attributes()) {
      if (!storedKeys.contains(attribute.name()) && attribute.defaultValue().isPresent()) {
        filled = filled.with(attribute.name(), attribute.defaultValue().get());
      }
    }
    return shape(block, filled, false, true);
  }

  /** A data source's starting state: config with defaults, zero-filled nested values, no blocks written. */
  static ObjectValue dataSourceInput(Block block, ObjectValue config) {
    Map<String, Value> values = new LinkedHashMap<>();
    for (Attribute attribute : block.attributes()) {
      Value configured = config.get(attribute.name());
      values.put(attribute.name(), configured.isNull() ? attribute.defaultValue().orElse(Value.NULL) : configured);
    }
    for (NestedBlock nested : block.blocks()) {
      List<Value> elements = new ArrayList<>();
      for (Value element : config.get(nested.name()).elements()) {
        elements.add(element instanceof ObjectValue o ? withDefaults(nested.block(), o) : element);
      }
      values.put(nested.name(), elements.isEmpty() ? Value.NULL : Value.list(elements));
    }
    return shape(block, new ObjectValue(values), false, false);
  }

  /** A data source's final state: everything known. */
  static ObjectValue dataSourceState(Block block, ObjectValue state) {
    ObjectValue shaped = shape(block, state, false, false);
    if (shaped.get("id").isNull() && block.attribute("id").isPresent()) {
      shaped = shaped.with("id", Value.string(ProviderContext.newId()));
    }
    return shaped;
  }

  private static ObjectValue withDefaults(Block block, ObjectValue object) {
    Map<String, Value> values = new LinkedHashMap<>(object.attributes());
    for (Attribute attribute : block.attributes()) {
      if (object.get(attribute.name()).isNull() && attribute.defaultValue().isPresent()) {
        values.put(attribute.name(), attribute.defaultValue().get());
      }
    }
    for (NestedBlock nested : block.blocks()) {
      List<Value> elements = new ArrayList<>();
      for (Value element : object.get(nested.name()).elements()) {
        elements.add(element instanceof ObjectValue o ? withDefaults(nested.block(), o) : element);
      }
      values.put(nested.name(), Value.list(elements));
    }
    return new ObjectValue(values);
  }

  private static ObjectValue shape(Block block, ObjectValue object, boolean nested, boolean emptyBlocks) {
    Map<String, Value> values = new LinkedHashMap<>();
    for (Attribute attribute : block.attributes()) {
      Value value = object.get(attribute.name());
      if (value.isUnknown()) {
        value = Value.NULL;
      }
      if (nested && value.isNull()) {
        value = zero(attribute.type());
      }
      values.put(attribute.name(), value);
    }
    for (NestedBlock child : block.blocks()) {
      Value value = object.get(child.name());
      if (value.isUnknown() || (value.isNull() && emptyBlocks) || (nested && value.isNull())) {
        values.put(child.name(), Value.list(List.of()));
        continue;
      }
      if (value.isNull()) {
        values.put(child.name(), Value.NULL);
        continue;
      }
      List<Value> elements = new ArrayList<>();
      for (Value element : value.elements()) {
        elements.add(element instanceof ObjectValue o ? shape(child.block(), o, true, emptyBlocks) : element);
      }
      values.put(child.name(), Value.list(elements));
    }
    return new ObjectValue(values);
  }

  /** SDKv2 writes the zero value of an unset nested primitive. */
  static Value zero(CtyType type) {
    if (type.equals(CtyType.STRING)) {
      return Value.string("");
    }
    if (type.equals(CtyType.NUMBER)) {
      return Value.number(0);
    }
    if (type.equals(CtyType.BOOL)) {
      return Value.FALSE;
    }
    return Value.NULL;
  }
}
