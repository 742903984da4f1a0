package dev.jcoder.terraform.provider.cty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON form of state (as stored in terraform.tfstate) against a type, leniently: keys the
 * type does not know are dropped and missing ones read as null. That is what SDKv2 does when it
 * upgrades state written by an older provider version.
 */
public final class JsonStateCodec {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonStateCodec() {}

  public static Value decode(CtyType type, byte[] json) {
    try {
      return fromNode(type, MAPPER.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The keys of a JSON object, to tell absent attributes from explicit nulls. */
  public static java.util.Set<String> topLevelKeys(byte[] json) {
    try {
      java.util.Set<String> keys = new java.util.HashSet<>();
      MAPPER.readTree(json).fieldNames().forEachRemaining(keys::add);
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Value fromNode(CtyType type, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Value.NULL;
    }
    return switch (type) {
      case CtyType.Primitive p when p.equals(CtyType.STRING) -> Value.string(node.isTextual() ? node.textValue() : node.asText());
      case CtyType.Primitive p when p.equals(CtyType.NUMBER) ->
          node.isNumber() ? Value.number(node.decimalValue()) : Value.number(new java.math.BigDecimal(node.asText()));
      case CtyType.Primitive p -> Value.bool(node.isBoolean() ? node.booleanValue() : Boolean.parseBoolean(node.asText()));
      case CtyType.ListType l -> array(l.element(), node);
      case CtyType.SetType s -> array(s.element(), node);
      case CtyType.MapType m -> {
        Map<String, Value> entries = new LinkedHashMap<>();
        node.properties().forEach(e -> entries.put(e.getKey(), fromNode(m.element(), e.getValue())));
        yield new Value.MapValue(entries);
      }
      case CtyType.ObjectType o -> {
        Map<String, Value> attributes = new LinkedHashMap<>();
        o.attributes().forEach((name, attributeType) -> attributes.put(name, fromNode(attributeType, node.get(name))));
        yield new Value.ObjectValue(attributes);
      }
    };
  }

  private static Value array(CtyType element, JsonNode node) {
    List<Value> elements = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(item -> elements.add(fromNode(element, item)));
    }
    return new Value.ListValue(elements);
  }
}
