package dev.jcoder.terraform.provider.schema;

import java.util.ArrayList;
import java.util.List;

/** A path into a value, as Terraform's diagnostics and {@code requires_replace} carry it. */
public record AttributePath(List<Step> steps) {

  public static final AttributePath ROOT = new AttributePath(List.of());

  public AttributePath {
    steps = List.copyOf(steps);
  }

  public static AttributePath of(String attribute) {
    return ROOT.attribute(attribute);
  }

  public AttributePath attribute(String name) {
    return append(new Step.AttributeName(name));
  }

  public AttributePath index(long index) {
    return append(new Step.ElementIndex(index));
  }

  private AttributePath append(Step step) {
    List<Step> copy = new ArrayList<>(steps);
    copy.add(step);
    return new AttributePath(copy);
  }

  /** SDKv2's flat key ("validation.0.min"), which its validation messages quote. */
  public String flatKey() {
    StringBuilder key = new StringBuilder();
    for (Step step : steps) {
      if (!key.isEmpty()) {
        key.append('.');
      }
      switch (step) {
        case Step.AttributeName a -> key.append(a.name());
        case Step.ElementIndex i -> key.append(i.index());
      }
    }
    return key.toString();
  }

  public sealed interface Step {
    record AttributeName(String name) implements Step {}

    record ElementIndex(long index) implements Step {}
  }
}
