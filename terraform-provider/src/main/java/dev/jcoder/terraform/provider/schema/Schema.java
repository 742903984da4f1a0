package dev.jcoder.terraform.provider.schema;

import dev.jcoder.terraform.provider.cty.CtyType;
import java.util.Objects;

/** A versioned schema of a resource, data source or the provider block. */
public record Schema(int version, Block block) {

  public Schema {
    Objects.requireNonNull(block);
  }

  public CtyType type() {
    return block.type();
  }
}
