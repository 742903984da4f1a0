package dev.jcoder.terraform.provider;

import java.util.Map;
import java.util.Optional;

/**
 * The environment variables of one build (schema reference §3). A launched provider reads its
 * process environment; a hosted one gets the map the provisioner would have put in terraform's
 * environment, because a reattached provider does not inherit it.
 */
public record BuildEnvironment(Map<String, String> variables) {

  public BuildEnvironment {
    variables = Map.copyOf(variables);
  }

  public static BuildEnvironment of(Map<String, String> variables) {
    return new BuildEnvironment(variables);
  }

  public static BuildEnvironment fromProcess() {
    return new BuildEnvironment(System.getenv());
  }

  /** Go's {@code os.Getenv(name) != ""}: empty counts as unset. */
  public Optional<String> nonEmpty(String name) {
    return Optional.ofNullable(variables.get(name)).filter(v -> !v.isEmpty());
  }

  /** Go's {@code os.LookupEnv}: a set but empty variable is present. */
  public Optional<String> lookup(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /** The value, or {@code fallback} when unset or empty. */
  public String getOrDefault(String name, String fallback) {
    return nonEmpty(name).orElse(fallback);
  }
}
