package dev.jcoder.terraform.provider.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects diagnostics during one RPC; the only mutable type in this package, owned by one call. */
public final class Diagnostics {

  private final List<Diagnostic> items = new ArrayList<>();

  public void add(Diagnostic diagnostic) {
    items.add(diagnostic);
  }

  public void addAll(Collection<Diagnostic> diagnostics) {
    items.addAll(diagnostics);
  }

  public void error(String summary) {
    add(Diagnostic.error(summary));
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public List<Diagnostic> toList() {
    return List.copyOf(items);
  }
}
