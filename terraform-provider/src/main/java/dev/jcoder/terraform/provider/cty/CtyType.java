package dev.jcoder.terraform.provider.cty;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A cty type. Only the kinds this provider's schemas use (no tuple, no dynamic). */
public sealed interface CtyType {

  CtyType STRING = new Primitive("string");
  CtyType NUMBER = new Primitive("number");
  CtyType BOOL = new Primitive("bool");

  /** The type in cty's JSON notation, as Terraform expects it in {@code Schema.Attribute.type}. */
  String json();

  static CtyType list(CtyType element) {
    return new ListType(element);
  }

  static CtyType set(CtyType element) {
    return new SetType(element);
  }

  static CtyType map(CtyType element) {
    return new MapType(element);
  }

  static CtyType object(Map<String, CtyType> attributes) {
    return new ObjectType(attributes);
  }

  /** string, number or bool. */
  record Primitive(String name) implements CtyType {
    public Primitive {
      Objects.requireNonNull(name);
    }

    @Override
    public String json() {
      return "\"" + name + "\"";
    }
  }

  record ListType(CtyType element) implements CtyType {
    @Override
    public String json() {
      return "[\"list\"," + element.json() + "]";
    }
  }

  record SetType(CtyType element) implements CtyType {
    @Override
    public String json() {
      return "[\"set\"," + element.json() + "]";
    }
  }

  record MapType(CtyType element) implements CtyType {
    @Override
    public String json() {
      return "[\"map\"," + element.json() + "]";
    }
  }

  /** Attributes are kept sorted by name, which is also the order cty uses on the wire. */
  record ObjectType(Map<String, CtyType> attributes) implements CtyType {
    public ObjectType {
      attributes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    @Override
    public String json() {
      return "[\"object\",{"
          + attributes.entrySet().stream()
              .map(e -> "\"" + e.getKey() + "\":" + e.getValue().json())
              .collect(Collectors.joining(","))
          + "}]";
    }
  }
}
