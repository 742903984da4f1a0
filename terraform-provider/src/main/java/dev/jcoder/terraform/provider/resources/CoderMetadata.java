package dev.jcoder.terraform.provider.resources;

import static dev.jcoder.terraform.provider.cty.CtyType.BOOL;
import static dev.jcoder.terraform.provider.cty.CtyType.NUMBER;
import static dev.jcoder.terraform.provider.cty.CtyType.STRING;

import dev.jcoder.terraform.provider.ManagedResource;
import dev.jcoder.terraform.provider.ProviderContext;
import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.Diagnostic;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.NestedBlock;
import dev.jcoder.terraform.provider.schema.Schema;
import dev.jcoder.terraform.provider.schema.Validators;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code coder_metadata}: key/value annotations of another resource, shown in the dashboard. */
public final class CoderMetadata implements ManagedResource {

  private static final Block ITEM = Block.of(List.of(
      Attribute.required("key", STRING).asForceNew(),
      Attribute.optional("value", STRING).asForceNew(),
      Attribute.optional("sensitive", BOOL).withDefault(false).asForceNew(),
      Attribute.computed("is_null", BOOL)));

  private static final Schema SCHEMA = new Schema(1, new Block(
      List.of(
          Attribute.implicitId(),
          Attribute.required("resource_id", STRING).asForceNew(),
          Attribute.optional("hide", BOOL).asForceNew(),
          Attribute.optional("icon", STRING).asForceNew().validate(Validators.url()),
          Attribute.optional("daily_cost", NUMBER).asForceNew()),
      List.of(NestedBlock.list("item", ITEM).asForceNew())));

  @Override
  public String typeName() {
    return "coder_metadata";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public List<Diagnostic> checkPlan(ObjectValue planned) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (ObjectValue item : planned.objects("item")) {
      item.string("key").filter(k -> !keys.add(k)).ifPresent(k ->
          diagnostics.add(Diagnostic.error("duplicate resource metadata key \"" + k + "\"")));
    }
    return diagnostics;
  }

  /** The is_null hack: a null planned value is stored as "" with is_null = true, so coderd can tell them apart. */
  @Override
  public ObjectValue create(ObjectValue planned, ProviderContext context, Diagnostics diagnostics) {
    List<Value> items = new ArrayList<>();
    for (ObjectValue item : planned.objects("item")) {
      boolean isNull = item.get("value").isNull();
      items.add(new ObjectValue(Map.of(
          "key", item.get("key"),
          "value", isNull ? Value.string("") : item.get("value"),
          "sensitive", item.get("sensitive").isNull() ? Value.FALSE : item.get("sensitive"),
          "is_null", Value.bool(isNull))));
    }
    return planned.with("item", Value.list(items)).with("id", Value.string(ProviderContext.newId()));
  }
}
