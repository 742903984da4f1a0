package dev.jcoder.terraform.provider.resources;

import static dev.jcoder.terraform.provider.cty.CtyType.BOOL;
import static dev.jcoder.terraform.provider.cty.CtyType.STRING;

import dev.jcoder.terraform.provider.ManagedResource;
import dev.jcoder.terraform.provider.ProviderContext;
import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.NestedBlock;
import dev.jcoder.terraform.provider.schema.Schema;
import dev.jcoder.terraform.provider.schema.Validators;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code coder_ai_task}: marks the app that runs an AI task; takes the task id from the build. */
public final class CoderAiTask implements ManagedResource {

  private static final Block SIDEBAR_APP = Block.of(List.of(
      Attribute.required("id", STRING).asForceNew().validate(Validators.isUuid())));

  private static final Schema SCHEMA = new Schema(1, new Block(
      List.of(
          Attribute.computed("id", STRING),
          Attribute.optionalComputed("app_id", STRING).asForceNew().validate(Validators.isUuid())
              .conflictsWith("sidebar_app"),
          Attribute.computed("prompt", STRING),
          Attribute.computed("enabled", BOOL)),
      List.of(new NestedBlock("sidebar_app", NestedBlock.Nesting.SET, SIDEBAR_APP, 0, 1, false, true,
          Optional.of("This field has been deprecated in favor of the `app_id` field."), List.of("app_id")))));

  @Override
  public String typeName() {
    return "coder_ai_task";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public ObjectValue create(ObjectValue planned, ProviderContext context, Diagnostics diagnostics) {
    Optional<UUID> task = context.environment().nonEmpty("CODER_TASK_ID").flatMap(Uuids::parse)
        .filter(id -> !id.equals(new UUID(0, 0)));
    ObjectValue result = planned
        .with("id", Value.string(task.map(UUID::toString).orElseGet(ProviderContext::newId)))
        .with("enabled", Value.bool(task.isPresent()))
        .with("prompt", context.environment().nonEmpty("CODER_TASK_PROMPT").map(Value::string).orElse(Value.NULL));
    String appId = planned.string("app_id").orElse("");
    if (appId.isEmpty()) {
      appId = planned.objects("sidebar_app").stream().map(s -> s.string("id").orElse(""))
          .filter(s -> !s.isEmpty()).findFirst().orElse("");
    }
    if (appId.isEmpty()) {
      diagnostics.error("'app_id' must be set");
    }
    return result.with("app_id", Value.string(appId));
  }
}
