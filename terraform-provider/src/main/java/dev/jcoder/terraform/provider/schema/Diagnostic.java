package dev.jcoder.terraform.provider.schema;

import java.util.Objects;
import java.util.Optional;

/** An error or warning for Terraform to show; the path, when present, points at the offending value. */
public record Diagnostic(Severity severity, String summary, String detail, Optional<AttributePath> path) {

  public enum Severity {
    ERROR,
    WARNING
  }

  public Diagnostic {
    Objects.requireNonNull(severity);
    Objects.requireNonNull(summary);
    Objects.requireNonNull(detail);
    Objects.requireNonNull(path);
  }

  public static Diagnostic error(String summary) {
    return new Diagnostic(Severity.ERROR, summary, "", Optional.empty());
  }

  public static Diagnostic error(String summary, String detail) {
    return new Diagnostic(Severity.ERROR, summary, detail, Optional.empty());
  }

  public static Diagnostic warning(String summary, String detail) {
    return new Diagnostic(Severity.WARNING, summary, detail, Optional.empty());
  }

  public Diagnostic at(AttributePath at) {
    return new Diagnostic(severity, summary, detail, Optional.of(at));
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
