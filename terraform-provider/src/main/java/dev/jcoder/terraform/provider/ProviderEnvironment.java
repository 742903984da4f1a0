package dev.jcoder.terraform.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcoder.terraform.provider.datasources.ParameterDataSource;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a build's provider environment with the variable names and encodings of the real
 * provider's contract (schema reference §3), so callers never spell {@code CODER_*} names or hash
 * parameter names themselves.
 *
 * <pre>{@code
 * BuildEnvironment env = ProviderEnvironment.builder()
 *     .accessUrl("https://coder.example.com")
 *     .transition("start")
 *     .workspace(workspaceId, "dev")
 *     .owner(ownerId, "alice", "Alice Liddell", "alice@example.com")
 *     .parameter("region", "eu-west")
 *     .build();
 * host.startProvider(env.variables());
 * }</pre>
 */
public final class ProviderEnvironment {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> variables = new LinkedHashMap<>();

  private ProviderEnvironment() {}

  public static ProviderEnvironment builder() {
    return new ProviderEnvironment();
  }

  /** An owner's role as CODER_WORKSPACE_OWNER_RBAC_ROLES carries it; {@code orgId} is "" for site roles. */
  public record RbacRole(String name, String orgId) {
    public RbacRole {
      Objects.requireNonNull(name);
      Objects.requireNonNull(orgId);
    }
  }

  /** Any variable, verbatim. */
  public ProviderEnvironment variable(String name, String value) {
    variables.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
    return this;
  }

  /** CODER_AGENT_URL: the provider's default {@code url}, hence access_url and the agent script's base. */
  public ProviderEnvironment accessUrl(String url) {
    return variable("CODER_AGENT_URL", url);
  }

  /** CODER_AGENT_SCRIPT_&lt;os&gt;_&lt;arch&gt;, with ${ACCESS_URL} and ${AUTH_TYPE} placeholders. */
  public ProviderEnvironment agentScript(String os, String arch, String script) {
    return variable("CODER_AGENT_SCRIPT_" + os + "_" + arch, script);
  }

  /** CODER_WORKSPACE_TRANSITION: "start", "stop" or "destroy". */
  public ProviderEnvironment transition(String transition) {
    return variable("CODER_WORKSPACE_TRANSITION", transition);
  }

  /** CODER_WORKSPACE_BUILD_ID: marks a real build (template fields become mandatory, secrets too). */
  public ProviderEnvironment buildId(String buildId) {
    return variable("CODER_WORKSPACE_BUILD_ID", buildId);
  }

  public ProviderEnvironment workspace(String id, String name) {
    return variable("CODER_WORKSPACE_ID", id).variable("CODER_WORKSPACE_NAME", name);
  }

  public ProviderEnvironment template(String id, String name, String version) {
    return variable("CODER_WORKSPACE_TEMPLATE_ID", id)
        .variable("CODER_WORKSPACE_TEMPLATE_NAME", name)
        .variable("CODER_WORKSPACE_TEMPLATE_VERSION", version);
  }

  public ProviderEnvironment prebuild(boolean prebuild, boolean claim) {
    return variable("CODER_WORKSPACE_IS_PREBUILD", Boolean.toString(prebuild))
        .variable("CODER_WORKSPACE_IS_PREBUILD_CLAIM", Boolean.toString(claim));
  }

  public ProviderEnvironment owner(String id, String username, String fullName, String email) {
    return variable("CODER_WORKSPACE_OWNER_ID", id)
        .variable("CODER_WORKSPACE_OWNER", username)
        .variable("CODER_WORKSPACE_OWNER_NAME", fullName)
        .variable("CODER_WORKSPACE_OWNER_EMAIL", email);
  }

  public ProviderEnvironment ownerSshKeys(String publicKey, String privateKey) {
    return variable("CODER_WORKSPACE_OWNER_SSH_PUBLIC_KEY", publicKey)
        .variable("CODER_WORKSPACE_OWNER_SSH_PRIVATE_KEY", privateKey);
  }

  public ProviderEnvironment ownerSessionToken(String token) {
    return variable("CODER_WORKSPACE_OWNER_SESSION_TOKEN", token);
  }

  public ProviderEnvironment ownerOidcAccessToken(String token) {
    return variable("CODER_WORKSPACE_OWNER_OIDC_ACCESS_TOKEN", token);
  }

  /** "password", "github", "oidc", "token" or "none". */
  public ProviderEnvironment ownerLoginType(String loginType) {
    return variable("CODER_WORKSPACE_OWNER_LOGIN_TYPE", loginType);
  }

  public ProviderEnvironment ownerGroups(List<String> groups) {
    return variable("CODER_WORKSPACE_OWNER_GROUPS", json(List.copyOf(groups)));
  }

  public ProviderEnvironment ownerRbacRoles(List<RbacRole> roles) {
    return variable("CODER_WORKSPACE_OWNER_RBAC_ROLES", json(roles.stream()
        .map(r -> {
          Map<String, String> role = new LinkedHashMap<>();
          role.put("name", r.name());
          role.put("org_id", r.orgId());
          return role;
        }).toList()));
  }

  /** The user's value of a parameter (an empty string is a real value and overrides the default). */
  public ProviderEnvironment parameter(String name, String value) {
    return variable(ParameterDataSource.valueVariable(name), value);
  }

  /** The previous build's value of a parameter, for monotonic validation. */
  public ProviderEnvironment previousParameter(String name, String value) {
    return variable(ParameterDataSource.previousValueVariable(name), value);
  }

  /** CODER_EXTERNAL_AUTH_ACCESS_TOKEN_&lt;id&gt; (the id is not hashed). */
  public ProviderEnvironment externalAuthAccessToken(String id, String token) {
    return variable("CODER_EXTERNAL_AUTH_ACCESS_TOKEN_" + id, token);
  }

  /** The token of the running agent a prebuild claim keeps (the provider reads one name only). */
  public ProviderEnvironment runningAgentToken(String token) {
    return variable(
        "CODER_RUNNING_WORKSPACE_AGENT_TOKEN_e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", token);
  }

  public ProviderEnvironment task(String id, String prompt) {
    return variable("CODER_TASK_ID", id).variable("CODER_TASK_PROMPT", prompt);
  }

  /** A secret exposed as an environment variable (coder_secret {@code env}). */
  public ProviderEnvironment secretEnv(String env, String value) {
    return variable("CODER_SECRET_ENV_" + env, value);
  }

  /** A secret exposed as a file (coder_secret {@code file}); the name is the hex of the path. */
  public ProviderEnvironment secretFile(String file, String value) {
    return variable("CODER_SECRET_FILE_" + HexFormat.of().formatHex(file.getBytes(StandardCharsets.UTF_8)), value);
  }

  public BuildEnvironment build() {
    return BuildEnvironment.of(variables);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
