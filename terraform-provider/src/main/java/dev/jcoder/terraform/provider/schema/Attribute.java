package dev.jcoder.terraform.provider.schema;

import dev.jcoder.terraform.provider.cty.CtyType;
import dev.jcoder.terraform.provider.cty.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute of a block. {@code defaultValue} is SDKv2's {@code Default}: never on the wire,
 * applied while planning resources and reading data sources. {@code conflictsWith} holds flat SDK
 * keys relative to the schema root.
 */
public record Attribute(
    String name,
    CtyType type,
    Mode mode,
    boolean sensitive,
    Optional<String> deprecation,
    String description,
    Optional<Value> defaultValue,
    boolean forceNew,
    List<Validator> validators,
    List<String> conflictsWith) {

  /** How configuration and the provider share the value. */
  public enum Mode {
    REQUIRED,
    OPTIONAL,
    COMPUTED,
    OPTIONAL_COMPUTED;

    public boolean computed() {
      return this == COMPUTED || this == OPTIONAL_COMPUTED;
    }

    public boolean configurable() {
      return this != COMPUTED;
    }
  }

  public Attribute {
    Objects.requireNonNull(name);
    Objects.requireNonNull(type);
    Objects.requireNonNull(mode);
    Objects.requireNonNull(deprecation);
    Objects.requireNonNull(description);
    Objects.requireNonNull(defaultValue);
    validators = List.copyOf(validators);
    conflictsWith = List.copyOf(conflictsWith);
  }

  public static Attribute required(String name, CtyType type) {
    return new Attribute(name, type, Mode.REQUIRED, false, Optional.empty(), "", Optional.empty(), false, List.of(), List.of());
  }

  public static Attribute optional(String name, CtyType type) {
    return new Attribute(name, type, Mode.OPTIONAL, false, Optional.empty(), "", Optional.empty(), false, List.of(), List.of());
  }

  public static Attribute computed(String name, CtyType type) {
    return new Attribute(name, type, Mode.COMPUTED, false, Optional.empty(), "", Optional.empty(), false, List.of(), List.of());
  }

  public static Attribute optionalComputed(String name, CtyType type) {
    return new Attribute(
        name, type, Mode.OPTIONAL_COMPUTED, false, Optional.empty(), "", Optional.empty(), false, List.of(), List.of());
  }

  /** SDKv2's implicit {@code id}: optional and computed, unless a schema declares it. */
  public static Attribute implicitId() {
    return optionalComputed("id", CtyType.STRING);
  }

  public Attribute asSensitive() {
    return new Attribute(name, type, mode, true, deprecation, description, defaultValue, forceNew, validators, conflictsWith);
  }

  public Attribute deprecated(String message) {
    return new Attribute(
        name, type, mode, sensitive, Optional.of(message), description, defaultValue, forceNew, validators, conflictsWith);
  }

  public Attribute description(String text) {
    return new Attribute(name, type, mode, sensitive, deprecation, text, defaultValue, forceNew, validators, conflictsWith);
  }

  public Attribute withDefault(Value value) {
    return new Attribute(
        name, type, mode, sensitive, deprecation, description, Optional.of(value), forceNew, validators, conflictsWith);
  }

  public Attribute withDefault(String value) {
    return withDefault(Value.string(value));
  }

  public Attribute withDefault(boolean value) {
    return withDefault(Value.bool(value));
  }

  public Attribute withDefault(long value) {
    return withDefault(Value.number(value));
  }

  public Attribute asForceNew() {
    return new Attribute(name, type, mode, sensitive, deprecation, description, defaultValue, true, validators, conflictsWith);
  }

  public Attribute validate(Validator validator) {
    List<Validator> copy = new ArrayList<>(validators);
    copy.add(validator);
    return new Attribute(name, type, mode, sensitive, deprecation, description, defaultValue, forceNew, copy, conflictsWith);
  }

  public Attribute conflictsWith(String... keys) {
    return new Attribute(
        name, type, mode, sensitive, deprecation, description, defaultValue, forceNew, validators, List.of(keys));
  }
}
