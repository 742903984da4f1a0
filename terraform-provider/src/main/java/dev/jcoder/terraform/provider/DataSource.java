package dev.jcoder.terraform.provider;

import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.Schema;

/** A data source type. */
public interface DataSource {

  String typeName();

  Schema schema();

  /**
   * Read. {@code state} is the configuration with defaults applied and unset nested values as zero
   * values (what SDKv2's ResourceData would hold); the result is stored as the data source's state.
   * Errors go to {@code diagnostics}; the returned value is then ignored.
   */
  ObjectValue read(ObjectValue state, ObjectValue config, ProviderContext context, Diagnostics diagnostics);
}
