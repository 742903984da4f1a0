package dev.jcoder.terraform.provider.datasources;

import static dev.jcoder.terraform.provider.cty.CtyType.STRING;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcoder.terraform.provider.BuildEnvironment;
import dev.jcoder.terraform.provider.DataSource;
import dev.jcoder.terraform.provider.ProviderContext;
import dev.jcoder.terraform.provider.cty.CtyType;
import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code coder_workspace_owner}: the user who owns the workspace, from CODER_WORKSPACE_OWNER_*. */
public final class WorkspaceOwnerDataSource implements DataSource {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Schema SCHEMA = new Schema(0, Block.of(List.of(
      Attribute.computed("id", STRING),
      Attribute.computed("name", STRING),
      Attribute.computed("full_name", STRING),
      Attribute.computed("email", STRING),
      Attribute.computed("ssh_public_key", STRING),
      Attribute.computed("ssh_private_key", STRING).asSensitive(),
      Attribute.computed("groups", CtyType.list(STRING)),
      Attribute.computed("session_token", STRING).asSensitive(),
      Attribute.computed("oidc_access_token", STRING).asSensitive(),
      Attribute.computed("login_type", STRING),
      // Computed-only list of objects: SDKv2 lowers it to an attribute, not a block.
      Attribute.computed("rbac_roles", CtyType.list(CtyType.object(Map.of("name", STRING, "org_id", STRING)))))));

  @Override
  public String typeName() {
    return "coder_workspace_owner";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public ObjectValue read(ObjectValue state, ObjectValue config, ProviderContext context, Diagnostics diagnostics) {
    BuildEnvironment env = context.environment();
    List<Value> groups = new ArrayList<>();
    Optional<JsonNode> groupsJson = firstJsonValue(env, "CODER_WORKSPACE_OWNER_GROUPS", "invalid user groups", diagnostics);
    groupsJson.filter(JsonNode::isArray).ifPresent(array -> array.forEach(g -> groups.add(Value.string(g.asText()))));
    List<Value> roles = new ArrayList<>();
    Optional<JsonNode> rolesJson =
        firstJsonValue(env, "CODER_WORKSPACE_OWNER_RBAC_ROLES", "invalid user rbac roles", diagnostics);
    rolesJson.filter(JsonNode::isArray).ifPresent(array -> array.forEach(role -> roles.add(new ObjectValue(Map.of(
        "name", Value.string(role.path("name").asText("")),
        "org_id", Value.string(role.path("org_id").asText("")))))));
    return state
        .with("id", Value.string(env.nonEmpty("CODER_WORKSPACE_OWNER_ID").orElseGet(ProviderContext::newId)))
        .with("name", Value.string(env.getOrDefault("CODER_WORKSPACE_OWNER", "default")))
        .with("full_name", Value.string(env.getOrDefault("CODER_WORKSPACE_OWNER_NAME", "default")))
        .with("email", Value.string(env.getOrDefault("CODER_WORKSPACE_OWNER_EMAIL", "default@example.com")))
        .with("ssh_public_key", Value.string(env.getOrDefault("CODER_WORKSPACE_OWNER_SSH_PUBLIC_KEY", "")))
        .with("ssh_private_key", Value.string(env.getOrDefault("CODER_WORKSPACE_OWNER_SSH_PRIVATE_KEY", "")))
        .with("groups", Value.list(groups))
        .with("session_token", Value.string(env.getOrDefault("CODER_WORKSPACE_OWNER_SESSION_TOKEN", "")))
        .with("oidc_access_token", Value.string(env.getOrDefault("CODER_WORKSPACE_OWNER_OIDC_ACCESS_TOKEN", "")))
        .with("login_type", env.nonEmpty("CODER_WORKSPACE_OWNER_LOGIN_TYPE").map(Value::string).orElse(Value.NULL))
        .with("rbac_roles", Value.list(roles));
  }

  /** Go's json.Decoder reads only the first value and ignores trailing text; unset gives nothing. */
  private static Optional<JsonNode> firstJsonValue(
      BuildEnvironment env, String name, String errorPrefix, Diagnostics diagnostics) {
    Optional<String> raw = env.lookup(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try (JsonParser parser = JSON.createParser(raw.get())) {
      JsonNode node = JSON.readTree(parser);
      if (node == null || node.isMissingNode()) {
        diagnostics.error(errorPrefix + ": EOF");
        return Optional.empty();
      }
      return Optional.of(node);
    } catch (IOException e) {
      diagnostics.error(errorPrefix + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
