package dev.jcoder.terraform.provider.schema;

import dev.jcoder.terraform.provider.cty.Value;
import java.util.List;

/**
 * Checks one configured, known, non-null value, like an SDKv2 ValidateFunc. {@code key} is the flat
 * SDK key of the value, which SDKv2's messages quote.
 */
@FunctionalInterface
public interface Validator {
  List<Diagnostic> validate(String key, Value value);
}
