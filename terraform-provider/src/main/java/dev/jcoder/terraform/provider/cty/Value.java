package dev.jcoder.terraform.provider.cty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A cty value without its type: the type travels separately (in the schema), which keeps values
 * small and lets one value model serve both msgpack and JSON.
 */
public sealed interface Value {

  Value NULL = new Null();
  Value UNKNOWN = new Unknown();
  Value TRUE = new BoolValue(true);
  Value FALSE = new BoolValue(false);

  static Value string(String value) {
    return new StringValue(value);
  }

  static Value number(long value) {
    return new NumberValue(BigDecimal.valueOf(value));
  }

  static Value number(BigDecimal value) {
    return new NumberValue(value);
  }

  static Value bool(boolean value) {
    return value ? TRUE : FALSE;
  }

  static ListValue list(List<? extends Value> elements) {
    return new ListValue(List.copyOf(elements));
  }

  default boolean isNull() {
    return this instanceof Null;
  }

  default boolean isUnknown() {
    return this instanceof Unknown;
  }

  /** True when neither null nor unknown. */
  default boolean isKnownValue() {
    return !isNull() && !isUnknown();
  }

  /** True when this value and everything inside it is known. */
  default boolean isWhollyKnown() {
    return switch (this) {
      case Unknown u -> false;
      case ListValue l -> l.elements().stream().allMatch(Value::isWhollyKnown);
      case MapValue m -> m.entries().values().stream().allMatch(Value::isWhollyKnown);
      case ObjectValue o -> o.attributes().values().stream().allMatch(Value::isWhollyKnown);
      default -> true;
    };
  }

  /** The string content, when this is a known string. */
  default Optional<String> asString() {
    return this instanceof StringValue s ? Optional.of(s.value()) : Optional.empty();
  }

  default Optional<Boolean> asBool() {
    return this instanceof BoolValue b ? Optional.of(b.value()) : Optional.empty();
  }

  default Optional<BigDecimal> asNumber() {
    return this instanceof NumberValue n ? Optional.of(n.value()) : Optional.empty();
  }

  /** Elements of a known list or set; empty for null or unknown. */
  default List<Value> elements() {
    return this instanceof ListValue l ? l.elements() : List.of();
  }

  record Null() implements Value {}

  record Unknown() implements Value {}

  record StringValue(String value) implements Value {
    public StringValue {
      Objects.requireNonNull(value);
    }
  }

  record NumberValue(BigDecimal value) implements Value {
    public NumberValue {
      Objects.requireNonNull(value);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof NumberValue n && n.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
      return value.stripTrailingZeros().hashCode();
    }
  }

  record BoolValue(boolean value) implements Value {}

  /** A list or a set (which of the two is decided by the type); set elements keep their wire order. */
  record ListValue(List<Value> elements) implements Value {
    public ListValue {
      elements = List.copyOf(elements);
    }
  }

  record MapValue(Map<String, Value> entries) implements Value {
    public MapValue {
      entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }
  }

  /** An object; absent attributes read as null. */
  record ObjectValue(Map<String, Value> attributes) implements Value {
    public ObjectValue {
      attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public Value get(String name) {
      return attributes.getOrDefault(name, NULL);
    }

    public ObjectValue with(String name, Value value) {
      Map<String, Value> copy = new LinkedHashMap<>(attributes);
      copy.put(name, value);
      return new ObjectValue(copy);
    }

    /** The string attribute, when known and not null. */
    public Optional<String> string(String name) {
      return get(name).asString();
    }

    public Optional<Boolean> bool(String name) {
      return get(name).asBool();
    }

    public Optional<BigDecimal> number(String name) {
      return get(name).asNumber();
    }

    public List<ObjectValue> objects(String name) {
      List<ObjectValue> result = new ArrayList<>();
      for (Value element : get(name).elements()) {
        if (element instanceof ObjectValue object) {
          result.add(object);
        }
      }
      return result;
    }
  }
}
