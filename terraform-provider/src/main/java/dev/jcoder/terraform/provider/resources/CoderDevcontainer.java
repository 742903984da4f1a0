package dev.jcoder.terraform.provider.resources;

import static dev.jcoder.terraform.provider.cty.CtyType.STRING;

import dev.jcoder.terraform.provider.ManagedResource;
import dev.jcoder.terraform.provider.ProviderContext;
import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.Schema;
import dev.jcoder.terraform.provider.schema.Validators;
import java.util.List;

/** {@code coder_devcontainer}: a dev container the agent starts; it gets its own sub-agent id. */
public final class CoderDevcontainer implements ManagedResource {

  private static final Schema SCHEMA = new Schema(1, Block.of(List.of(
      Attribute.implicitId(),
      Attribute.required("agent_id", STRING).asForceNew(),
      Attribute.required("workspace_folder", STRING).asForceNew().validate(Validators.stringIsNotEmpty()),
      Attribute.optional("config_path", STRING).asForceNew(),
      Attribute.computed("subagent_id", STRING))));

  @Override
  public String typeName() {
    return "coder_devcontainer";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public ObjectValue create(ObjectValue planned, ProviderContext context, Diagnostics diagnostics) {
    return planned.with("subagent_id", Value.string(ProviderContext.newId()));
  }
}
