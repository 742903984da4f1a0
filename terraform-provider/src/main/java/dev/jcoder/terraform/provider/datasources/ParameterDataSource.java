package dev.jcoder.terraform.provider.datasources;

import static dev.jcoder.terraform.provider.cty.CtyType.BOOL;
import static dev.jcoder.terraform.provider.cty.CtyType.NUMBER;
import static dev.jcoder.terraform.provider.cty.CtyType.STRING;

import dev.jcoder.terraform.provider.DataSource;
import dev.jcoder.terraform.provider.ProviderContext;
import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.AttributePath;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.Diagnostic;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.NestedBlock;
import dev.jcoder.terraform.provider.schema.Schema;
import dev.jcoder.terraform.provider.schema.Validators;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code coder_parameter}: a build parameter. Read resolves the value (user input from
 * CODER_PARAMETER_&lt;sha256(name)&gt;, else the default), the form type, and validates both in the
 * order the real provider does, because that order decides which error a user sees (reference §4.5).
 */
public final class ParameterDataSource implements DataSource {

  private static final Block OPTION = Block.of(List.of(
      Attribute.required("name", STRING).asForceNew(),
      Attribute.optional("description", STRING).asForceNew(),
      Attribute.required("value", STRING).asForceNew(),
      Attribute.optional("icon", STRING).asForceNew().validate(Validators.url())));

  private static final Block VALIDATION = Block.of(List.of(
      Attribute.optional("min", NUMBER),
      Attribute.computed("min_disabled", BOOL),
      Attribute.optional("max", NUMBER),
      Attribute.computed("max_disabled", BOOL),
      Attribute.optional("monotonic", STRING),
      Attribute.optional("regex", STRING)
          .conflictsWith("validation.0.min", "validation.0.max", "validation.0.monotonic"),
      Attribute.optional("error", STRING)));

  private static final Schema SCHEMA = new Schema(1, new Block(
      List.of(
          Attribute.implicitId(),
          Attribute.required("name", STRING),
          Attribute.optional("display_name", STRING),
          Attribute.optional("description", STRING),
          Attribute.optional("type", STRING).withDefault("string")
              .validate(Validators.oneOf("number", "string", "bool", "list(string)")),
          Attribute.optional("form_type", STRING).withDefault("").validate(Validators.oneOf(
              "radio", "slider", "input", "dropdown", "checkbox", "switch", "multi-select", "tag-select",
              "textarea", "error")),
          Attribute.optional("styling", STRING).withDefault("{}"),
          Attribute.optional("mutable", BOOL).withDefault(false),
          Attribute.optional("default", STRING),
          Attribute.optional("icon", STRING).asForceNew().validate(Validators.url()),
          Attribute.optional("order", NUMBER),
          Attribute.optional("ephemeral", BOOL).withDefault(false),
          Attribute.computed("value", STRING),
          Attribute.computed("optional", BOOL)),
      List.of(
          NestedBlock.list("option", OPTION).asForceNew(),
          NestedBlock.list("validation", VALIDATION).maxOne())));

  /** The form-type truth table: allowed form types per type and option presence, the first is the default. */
  private static final Map<String, List<String>> WITH_OPTIONS = Map.of(
      "string", List.of("radio", "dropdown"),
      "number", List.of("radio", "dropdown"),
      "bool", List.of("radio", "dropdown"),
      "list(string)", List.of("radio", "multi-select"));
  private static final Map<String, List<String>> WITHOUT_OPTIONS = Map.of(
      "string", List.of("input", "textarea"),
      "number", List.of("input", "slider"),
      "bool", List.of("checkbox", "switch"),
      "list(string)", List.of("tag-select"));

  @Override
  public String typeName() {
    return "coder_parameter";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  /** The env var that carries the user's value: CODER_PARAMETER_ + sha256hex(name). */
  public static String valueVariable(String name) {
    return "CODER_PARAMETER_" + sha256Hex(name);
  }

  /** The env var that carries the previous build's value, for monotonic checks. */
  public static String previousValueVariable(String name) {
    return "CODER_PARAMETER_PREVIOUS_" + sha256Hex(name);
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public ObjectValue read(ObjectValue state, ObjectValue config, ProviderContext context, Diagnostics diagnostics) {
    String name = state.string("name").orElse("");
    List<ObjectValue> rawValidations = config.objects("validation");
    List<Value> validations = new ArrayList<>();
    List<ObjectValue> stateValidations = state.objects("validation");
    for (int i = 0; i < stateValidations.size(); i++) {
      ObjectValue raw = rawValidations.get(i);
      validations.add(stateValidations.get(i)
          .with("min_disabled", Value.bool(raw.get("min").isNull()))
          .with("max_disabled", Value.bool(raw.get("max").isNull())));
    }
    boolean optional = !config.get("default").isNull();
    ObjectValue result = state.with("validation", Value.list(validations)).with("optional", Value.bool(optional));

    boolean mutable = state.bool("mutable").orElse(false);
    boolean ephemeral = state.bool("ephemeral").orElse(false);
    if (!mutable && ephemeral) {
      diagnostics.error("parameter can't be immutable and ephemeral");
      return result;
    }
    if (!optional && ephemeral) {
      diagnostics.error("ephemeral parameter requires the default property");
      return result;
    }

    Optional<String> input = context.environment().lookup(valueVariable(name));
    Optional<String> previous = context.environment().lookup(previousValueVariable(name));
    boolean fromDefault = input.isEmpty();
    Optional<String> value = input.isPresent() ? input : config.string("default");

    String type = state.string("type").orElse("string");
    List<ObjectValue> options = state.objects("option");
    Optional<FormType> formType = resolveFormType(type, !options.isEmpty(), state.string("form_type").orElse(""), diagnostics);
    if (formType.isEmpty()) {
      return result;
    }
    validateOptions(options, formType.get().optionType(), diagnostics);
    if (diagnostics.hasErrors()) {
      return result;
    }
    result = result.with("form_type", Value.string(formType.get().name()));
    if (options.isEmpty()) {
      result = result.with("option", Value.NULL);
    }
    if (stateValidations.isEmpty() && value.isEmpty()) {
      return result.with("value", Value.string(""));
    }
    String resolved = value.orElse("");
    Optional<AttributePath> path = fromDefault ? Optional.of(AttributePath.of("default")) : Optional.empty();
    if (!options.isEmpty() && !validateMembership(type, formType.get(), options, resolved, fromDefault, path, diagnostics)) {
      return result;
    }
    if (!stateValidations.isEmpty()) {
      Optional<String> error = ParameterValidation.from(validations.getFirst()).check(type, resolved, previous);
      if (error.isPresent()) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR,
            fromDefault
                ? "Invalid parameter default value according to 'validation' block"
                : "Invalid parameter value according to 'validation' block",
            error.get(), path));
        return result;
      }
    }
    Optional<String> typeError = ParameterValidation.typeError(type, resolved);
    if (typeError.isPresent()) {
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR,
          "Parameter value is not of type \"" + type + "\"", typeError.get(), path));
      return result;
    }
    return result.with("value", Value.string(resolved));
  }

  /** The resolved form type and the type option values must have. */
  record FormType(String name, String optionType) {}

  static Optional<FormType> resolveFormType(String type, boolean hasOptions, String formType, Diagnostics diagnostics) {
    List<String> allowed = (hasOptions ? WITH_OPTIONS : WITHOUT_OPTIONS).get(type);
    if (allowed == null) {
      diagnostics.add(Diagnostic.error("Invalid form_type for parameter",
              "\"type\" attribute=\"" + type + "\" is not supported, choose one of [string number bool list(string)]")
          .at(AttributePath.of("form_type")));
      return Optional.empty();
    }
    String resolved = formType.isEmpty() ? allowed.getFirst() : formType;
    if (!allowed.contains(resolved)) {
      List<String> opposite = (hasOptions ? WITHOUT_OPTIONS : WITH_OPTIONS).get(type);
      String suffix = opposite.contains(resolved)
          ? (hasOptions ? " when options exist" : " when options do not exist")
          : "";
      diagnostics.add(Diagnostic.error("Invalid form_type for parameter",
              "\"form_type\" attribute=\"" + resolved + "\" is not supported for \"type\"=\"" + type + "\"" + suffix
                  + ", choose one of [" + String.join(" ", allowed) + "]")
          .at(AttributePath.of("form_type")));
      return Optional.empty();
    }
    String optionType = type.equals("list(string)") && resolved.equals("multi-select") ? "string" : type;
    return Optional.of(new FormType(resolved, optionType));
  }

  private static void validateOptions(List<ObjectValue> options, String optionType, Diagnostics diagnostics) {
    Map<String, Boolean> names = new LinkedHashMap<>();
    Map<String, Boolean> values = new LinkedHashMap<>();
    for (ObjectValue option : options) {
      String name = option.string("name").orElse("");
      String value = option.string("value").orElse("");
      if (names.put(name, true) != null) {
        diagnostics.add(Diagnostic.error("Option names must be unique.",
            "multiple options found with the same name \"" + name + "\""));
        return;
      }
      if (values.put(value, true) != null) {
        diagnostics.add(Diagnostic.error("Option values must be unique.",
            "multiple options found with the same value \"" + value + "\""));
        return;
      }
    }
    for (ObjectValue option : options) {
      String value = option.string("value").orElse("");
      ParameterValidation.typeError(optionType, value).ifPresent(detail -> diagnostics.add(Diagnostic.error(
          "Option \"" + option.string("name").orElse("") + "\" with value=\"" + value + "\" is not of type \""
              + optionType + "\"",
          detail)));
    }
  }

  private static boolean validateMembership(String type, FormType formType, List<ObjectValue> options, String value,
      boolean fromDefault, Optional<AttributePath> path, Diagnostics diagnostics) {
    List<String> optionValues = options.stream().map(o -> o.string("value").orElse("")).toList();
    if (type.equals("list(string)") && formType.name().equals("multi-select")) {
      Optional<List<String>> list = ParameterValidation.stringList(value);
      if (list.isEmpty()) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR,
            "When using list(string) type, value must be a json encoded list of strings", "", path));
        return false;
      }
      List<String> missing = list.get().stream().filter(v -> !optionValues.contains(v)).toList();
      if (!missing.isEmpty()) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR,
            fromDefault ? "Default values must be a valid option" : "Values must be a valid option",
            "Value \"" + value + "\" is not a valid option, values \"" + String.join(", ", missing)
                + "\" are missing from the options",
            path));
        return false;
      }
      return true;
    }
    if (optionValues.contains(value)) {
      return true;
    }
    String summary = fromDefault ? "Default value must be a valid option" : "Value must be a valid option";
    if (value.isEmpty()) {
      summary += ". The value is empty, did you forget to set it with a default or from user input?";
    }
    diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, summary,
        "the value \"" + value + "\" must be defined as one of options", path));
    return false;
  }
}
