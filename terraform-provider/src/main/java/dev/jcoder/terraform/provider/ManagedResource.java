package dev.jcoder.terraform.provider;

import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Diagnostic;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.Schema;
import java.util.List;

/**
 * A managed resource type. The generic engine (server package) does planning, ForceNew, defaults
 * and the legacy zero-value shaping; a type only adds what SDKv2's CustomizeDiff, Create and Read
 * functions did. No type has Update (everything is ForceNew) and Delete is a no-op everywhere.
 */
public interface ManagedResource {

  String typeName();

  Schema schema();

  /** CustomizeDiff: extra checks on a planned create or replacement. */
  default List<Diagnostic> checkPlan(ObjectValue planned) {
    return List.of();
  }

  /**
   * Create: returns the new state from the planned one. Unknown values left in it are resolved by
   * the engine ({@code id} gets a UUID, the rest null).
   */
  ObjectValue create(ObjectValue planned, ProviderContext context, Diagnostics diagnostics);

  /** Read on refresh; most types keep the state as it is. */
  default ObjectValue read(ObjectValue state, ProviderContext context) {
    return state;
  }
}
