package dev.jcoder.terraform.provider;

import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * What resources and data sources see of the configured provider: the build's environment and the
 * resolved {@code url} (configured, else {@code CODER_AGENT_URL}, else the SDK default).
 */
public record ProviderContext(BuildEnvironment environment, String url) {

  public static final String DEFAULT_URL = "https://mydeployment.coder.com";

  public ProviderContext {
    Objects.requireNonNull(environment);
    Objects.requireNonNull(url);
  }

  /** Before ConfigureProvider (or when Terraform skips it) the env default applies. */
  public static ProviderContext unconfigured(BuildEnvironment environment) {
    return new ProviderContext(environment, environment.getOrDefault("CODER_AGENT_URL", DEFAULT_URL));
  }

  /** Go's {@code url.String()} keeps a well-formed URL as written. */
  public String accessUrl() {
    return url;
  }

  /** The explicit port, else 443 for https and 80 otherwise. */
  public long accessPort() {
    URI uri = parsed();
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** The URL resolved against "/": scheme://host[:port]/, which the agent script downloads from. */
  public String rootUrl() {
    URI uri = parsed();
    if (uri.getScheme() == null || uri.getRawAuthority() == null) {
      return "/";
    }
    return uri.getScheme() + "://" + uri.getRawAuthority() + "/";
  }

  private URI parsed() {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      return URI.create("/");
    }
  }

  /** A fresh lower-case UUID v4, like Go's uuid.NewString(). */
  public static String newId() {
    return UUID.randomUUID().toString();
  }
}
