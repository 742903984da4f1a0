package dev.jcoder.terraform.provider.datasources;

import static dev.jcoder.terraform.provider.cty.CtyType.BOOL;
import static dev.jcoder.terraform.provider.cty.CtyType.NUMBER;
import static dev.jcoder.terraform.provider.cty.CtyType.STRING;

import dev.jcoder.terraform.provider.BuildEnvironment;
import dev.jcoder.terraform.provider.DataSource;
import dev.jcoder.terraform.provider.ProviderContext;
import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.Schema;
import java.util.List;
import java.util.Locale;

/** {@code coder_workspace}: the workspace being built, from CODER_WORKSPACE_*. */
public final class WorkspaceDataSource implements DataSource {

  private static final Schema SCHEMA = new Schema(1, Block.of(List.of(
      Attribute.computed("id", STRING),
      Attribute.computed("name", STRING),
      Attribute.computed("transition", STRING),
      Attribute.computed("start_count", NUMBER),
      Attribute.computed("prebuild_count", NUMBER),
      Attribute.computed("is_prebuild", BOOL),
      Attribute.computed("is_prebuild_claim", BOOL),
      Attribute.computed("template_id", STRING),
      Attribute.computed("template_name", STRING),
      Attribute.computed("template_version", STRING),
      Attribute.computed("access_url", STRING),
      Attribute.computed("access_port", NUMBER))));

  @Override
  public String typeName() {
    return "coder_workspace";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public ObjectValue read(ObjectValue state, ObjectValue config, ProviderContext context, Diagnostics diagnostics) {
    BuildEnvironment env = context.environment();
    String transition = env.getOrDefault("CODER_WORKSPACE_TRANSITION", "start");
    boolean prebuild = isTrue(env, "CODER_WORKSPACE_IS_PREBUILD");
    boolean claim = isTrue(env, "CODER_WORKSPACE_IS_PREBUILD_CLAIM");
    if (claim) {
      prebuild = false;
    }
    boolean realBuild = env.nonEmpty("CODER_WORKSPACE_BUILD_ID").isPresent();
    String templateId = required(env, realBuild, "CODER_WORKSPACE_TEMPLATE_ID", "template ID", diagnostics);
    String templateName = required(env, realBuild, "CODER_WORKSPACE_TEMPLATE_NAME", "template name", diagnostics);
    String templateVersion =
        required(env, realBuild, "CODER_WORKSPACE_TEMPLATE_VERSION", "template version", diagnostics);
    return state
        .with("transition", Value.string(transition))
        .with("start_count", Value.number(transition.equals("start") ? 1 : 0))
        .with("prebuild_count", Value.number(prebuild ? 1 : 0))
        .with("is_prebuild", Value.bool(prebuild))
        .with("is_prebuild_claim", Value.bool(claim))
        .with("name", Value.string(env.getOrDefault("CODER_WORKSPACE_NAME", "default")))
        .with("id", Value.string(env.nonEmpty("CODER_WORKSPACE_ID").orElseGet(ProviderContext::newId)))
        .with("template_id", Value.string(templateId))
        .with("template_name", Value.string(templateName))
        .with("template_version", Value.string(templateVersion))
        .with("access_url", Value.string(context.accessUrl()))
        .with("access_port", Value.number(context.accessPort()));
  }

  private static boolean isTrue(BuildEnvironment env, String name) {
    return env.nonEmpty(name).map(v -> v.toLowerCase(Locale.ROOT).equals("true")).orElse(false);
  }

  private static String required(
      BuildEnvironment env, boolean realBuild, String name, String what, Diagnostics diagnostics) {
    String value = env.getOrDefault(name, "");
    if (realBuild && value.isEmpty()) {
      diagnostics.error(what + " is missing: " + name + " is required");
    }
    return value;
  }
}
