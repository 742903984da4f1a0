package dev.jcoder.terraform.provider.resources;

import dev.jcoder.terraform.provider.ManagedResource;
import dev.jcoder.terraform.provider.ProviderContext;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.Schema;
import java.util.Objects;

/**
 * A resource whose Create only sets {@code id} and whose Read is a no-op, like {@code
 * coder_agent_instance}, {@code coder_env} and {@code coder_external_agent}.
 */
public record SimpleResource(String typeName, Schema schema) implements ManagedResource {

  public SimpleResource {
    Objects.requireNonNull(typeName);
    Objects.requireNonNull(schema);
  }

  @Override
  public ObjectValue create(ObjectValue planned, ProviderContext context, Diagnostics diagnostics) {
    return planned;
  }
}
