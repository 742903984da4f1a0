package dev.jcoder.terraform.provider.resources;

import static dev.jcoder.terraform.provider.cty.CtyType.STRING;

import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.Schema;
import dev.jcoder.terraform.provider.schema.Validators;
import java.util.List;

/** The schemas of the resources that need no behaviour beyond an id. */
public final class SimpleResources {

  private SimpleResources() {}

  public static SimpleResource agentInstance() {
    return new SimpleResource("coder_agent_instance", new Schema(0, Block.of(List.of(
        Attribute.required("agent_id", STRING).asForceNew(),
        Attribute.required("instance_id", STRING).asForceNew(),
        Attribute.implicitId()))));
  }

  public static SimpleResource env() {
    return new SimpleResource("coder_env", new Schema(1, Block.of(List.of(
        Attribute.implicitId(),
        Attribute.required("agent_id", STRING).asForceNew(),
        Attribute.required("name", STRING).asForceNew()
            .validate(Validators.stringMatch("^[a-zA-Z_][a-zA-Z0-9_]*$", "must be a valid environment variable name")),
        Attribute.optional("value", STRING).asForceNew(),
        Attribute.optional("merge_strategy", STRING).withDefault("replace").asForceNew()
            .validate(Validators.oneOf("replace", "append", "prepend", "error"))))));
  }

  public static SimpleResource externalAgent() {
    return new SimpleResource("coder_external_agent", new Schema(1, Block.of(List.of(
        Attribute.required("agent_id", STRING).asForceNew(),
        Attribute.implicitId()))));
  }
}
