package dev.jcoder.terraform.provider.server;

import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.AttributePath;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.Diagnostic;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.NestedBlock;
import java.util.List;

/**
 * SDKv2's config validation: validators on configured, known values only; ConflictsWith on
 * presence; a warning for each deprecated argument that is set.
 */
final class ConfigValidator {

  private ConfigValidator() {}

  static void validate(Block block, ObjectValue config, Diagnostics diagnostics) {
    walk(block, config, config, AttributePath.ROOT, diagnostics);
  }

  private static void walk(Block block, ObjectValue root, ObjectValue object, AttributePath path, Diagnostics diagnostics) {
    for (Attribute attribute : block.attributes()) {
      Value value = object.get(attribute.name());
      AttributePath at = path.attribute(attribute.name());
      if (value.isNull() || !attribute.mode().configurable()) {
        continue;
      }
      attribute.deprecation().ifPresent(message ->
          diagnostics.add(Diagnostic.warning("Argument is deprecated", message).at(at)));
      conflicts(root, at, attribute.conflictsWith(), diagnostics);
      if (!value.isWhollyKnown()) {
        continue;
      }
      for (var validator : attribute.validators()) {
        validator.validate(at.flatKey(), value).forEach(d -> diagnostics.add(d.at(at)));
      }
    }
    for (NestedBlock nested : block.blocks()) {
      Value value = object.get(nested.name());
      AttributePath at = path.attribute(nested.name());
      List<Value> elements = value.elements();
      if (elements.isEmpty()) {
        continue;
      }
      nested.deprecation().ifPresent(message ->
          diagnostics.add(Diagnostic.warning("Argument is deprecated", message).at(at)));
      conflicts(root, at, nested.conflictsWith(), diagnostics);
      for (int i = 0; i < elements.size(); i++) {
        if (elements.get(i) instanceof ObjectValue element) {
          walk(nested.block(), root, element, at.index(i), diagnostics);
        }
      }
    }
  }

  private static void conflicts(ObjectValue root, AttributePath at, List<String> keys, Diagnostics diagnostics) {
    for (String key : keys) {
      if (present(lookup(root, key))) {
        diagnostics.add(Diagnostic.error(
                "Conflicting configuration arguments", "\"" + at.flatKey() + "\": conflicts with " + key)
            .at(at));
      }
    }
  }

  private static boolean present(Value value) {
    return !value.isNull() && !(value instanceof Value.ListValue list && list.elements().isEmpty());
  }

  /** Follows a flat SDK key ("validation.0.min") from the root. */
  static Value lookup(ObjectValue root, String key) {
    Value current = root;
    for (String part : key.split("\\.")) {
      current = switch (current) {
        case ObjectValue o -> o.get(part);
        case Value.ListValue l -> {
          int index = Integer.parseInt(part);
          yield index < l.elements().size() ? l.elements().get(index) : Value.NULL;
        }
        default -> Value.NULL;
      };
    }
    return current;
  }
}
