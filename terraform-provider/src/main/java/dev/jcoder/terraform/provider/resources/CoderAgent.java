package dev.jcoder.terraform.provider.resources;

import static dev.jcoder.terraform.provider.cty.CtyType.BOOL;
import static dev.jcoder.terraform.provider.cty.CtyType.NUMBER;
import static dev.jcoder.terraform.provider.cty.CtyType.STRING;

import dev.jcoder.terraform.provider.BuildEnvironment;
import dev.jcoder.terraform.provider.ManagedResource;
import dev.jcoder.terraform.provider.ProviderContext;
import dev.jcoder.terraform.provider.cty.CtyType;
import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.Diagnostic;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.NestedBlock;
import dev.jcoder.terraform.provider.schema.Schema;
import dev.jcoder.terraform.provider.schema.Validators;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code coder_agent}: the workspace agent, its token and its bootstrap script. */
public final class CoderAgent implements ManagedResource {

  /** The prebuild token variable; the provider always hashes the empty agent id (reference §3). */
  static final String RUNNING_AGENT_TOKEN =
      "CODER_RUNNING_WORKSPACE_AGENT_TOKEN_e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static final Block DISPLAY_APPS = Block.of(List.of(
      Attribute.optional("vscode", BOOL).withDefault(true).asForceNew(),
      Attribute.optional("vscode_insiders", BOOL).withDefault(false).asForceNew(),
      Attribute.optional("web_terminal", BOOL).withDefault(true).asForceNew(),
      Attribute.optional("port_forwarding_helper", BOOL).withDefault(true).asForceNew(),
      Attribute.optional("ssh_helper", BOOL).withDefault(true).asForceNew()));

  private static final Block METADATA = Block.of(List.of(
      Attribute.required("key", STRING).asForceNew(),
      Attribute.optional("display_name", STRING).asForceNew(),
      Attribute.required("script", STRING).asForceNew(),
      Attribute.optional("timeout", NUMBER).asForceNew(),
      Attribute.required("interval", NUMBER).asForceNew(),
      Attribute.optional("order", NUMBER).asForceNew()));

  private static final Block MEMORY = Block.of(List.of(
      Attribute.required("enabled", BOOL).asForceNew(),
      Attribute.required("threshold", NUMBER).asForceNew().validate(Validators.intBetween(0, 100))));

  private static final Block VOLUME = Block.of(List.of(
      Attribute.required("path", STRING).asForceNew().validate((key, value) -> {
        String path = Validators.text(value);
        if (path.isEmpty()) {
          return List.of(Diagnostic.error("volume path must not be empty"));
        }
        return path.startsWith("/") ? List.of() : List.of(Diagnostic.error("volume path must be an absolute path"));
      }),
      Attribute.required("enabled", BOOL).asForceNew(),
      Attribute.required("threshold", NUMBER).asForceNew().validate(Validators.intBetween(0, 100))));

  private static final Block RESOURCES_MONITORING = new Block(List.of(), List.of(
      NestedBlock.set("memory", MEMORY).maxOne().asForceNew(),
      NestedBlock.set("volume", VOLUME).asForceNew()));

  private static final Schema SCHEMA = new Schema(1, new Block(
      List.of(
          Attribute.implicitId(),
          Attribute.required("arch", STRING).asForceNew().validate(Validators.oneOf("amd64", "armv7", "arm64")),
          Attribute.required("os", STRING).asForceNew().validate(Validators.oneOf("linux", "darwin", "windows")),
          Attribute.optional("auth", STRING).withDefault("token").asForceNew().validate(Validators.oneOf(
              "token", "google-instance-identity", "aws-instance-identity", "azure-instance-identity")),
          Attribute.optional("api_key_scope", STRING).withDefault("all").asForceNew()
              .validate(Validators.oneOf("all", "no_user_data")),
          Attribute.optional("dir", STRING).asForceNew()
              .deprecated("dir has been deprecated and will be removed in a future release.")
              .validate(CoderAgent::warnDirNotHome),
          Attribute.optional("env", CtyType.map(STRING)).asForceNew(),
          Attribute.optional("startup_script", STRING).asForceNew(),
          Attribute.optional("shutdown_script", STRING).asForceNew(),
          Attribute.optional("startup_script_behavior", STRING).withDefault("non-blocking").asForceNew()
              .validate(Validators.oneOf("blocking", "non-blocking")),
          Attribute.optional("connection_timeout", NUMBER).withDefault(120).asForceNew()
              .validate(Validators.intAtLeast(0)),
          Attribute.optional("troubleshooting_url", STRING).asForceNew(),
          Attribute.optional("motd_file", STRING).asForceNew(),
          Attribute.optional("order", NUMBER).asForceNew(),
          Attribute.computed("token", STRING).asSensitive(),
          Attribute.computed("init_script", STRING)),
      List.of(
          NestedBlock.list("metadata", METADATA).asForceNew(),
          NestedBlock.set("display_apps", DISPLAY_APPS).maxOne().asComputed().asForceNew(),
          NestedBlock.set("resources_monitoring", RESOURCES_MONITORING).maxOne().asForceNew())));

  @Override
  public String typeName() {
    return "coder_agent";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  private static List<Diagnostic> warnDirNotHome(String key, Value value) {
    String dir = Validators.text(value);
    if (dir.isEmpty() || dir.equals("$HOME") || dir.equals("~")) {
      return List.of();
    }
    return List.of(
        Diagnostic.warning("\"dir\" is deprecated and will be removed in a future release.", ""),
        Diagnostic.warning("Setting \"dir\" to a value other than $HOME will break Coder Desktop file sync.", ""));
  }

  @Override
  public List<Diagnostic> checkPlan(ObjectValue planned) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (ObjectValue item : planned.objects("metadata")) {
      item.string("key").filter(k -> !keys.add(k)).ifPresent(k ->
          diagnostics.add(Diagnostic.error("duplicate agent metadata key \"" + k + "\"")));
    }
    for (ObjectValue monitoring : planned.objects("resources_monitoring")) {
      if (monitoring.get("memory").elements().isEmpty() && monitoring.get("volume").elements().isEmpty()
          && monitoring.get("memory").isKnownValue() && monitoring.get("volume").isKnownValue()) {
        diagnostics.add(Diagnostic.error("resources_monitoring must define at least one monitor"));
      }
      Set<String> paths = new HashSet<>();
      for (ObjectValue volume : monitoring.objects("volume")) {
        volume.string("path").filter(p -> !paths.add(p)).ifPresent(p ->
            diagnostics.add(Diagnostic.error("duplicate volume path \"" + p + "\"")));
      }
    }
    return diagnostics;
  }

  @Override
  public ObjectValue create(ObjectValue planned, ProviderContext context, Diagnostics diagnostics) {
    return refresh(planned.with("id", Value.string(ProviderContext.newId())), context);
  }

  /** Tokens rotate on every refresh, except a prebuild claim's, which coderd passes in. */
  @Override
  public ObjectValue read(ObjectValue state, ProviderContext context) {
    return refresh(state, context);
  }

  private static ObjectValue refresh(ObjectValue state, ProviderContext context) {
    BuildEnvironment environment = context.environment();
    String token = environment.nonEmpty(RUNNING_AGENT_TOKEN).orElseGet(ProviderContext::newId);
    ObjectValue result = state.with("token", Value.string(token));
    if (!state.get("display_apps").isKnownValue() || state.get("display_apps").elements().isEmpty()) {
      result = result.with("display_apps", Value.list(List.of(new ObjectValue(Map.of(
          "vscode", Value.TRUE,
          "vscode_insiders", Value.FALSE,
          "web_terminal", Value.TRUE,
          "port_forwarding_helper", Value.TRUE,
          "ssh_helper", Value.TRUE)))));
    }
    return result.with("init_script", Value.string(initScript(state, context)));
  }

  static String initScript(ObjectValue agent, ProviderContext context) {
    String os = agent.string("os").orElse("");
    String arch = agent.string("arch").orElse("");
    String auth = agent.string("auth").orElse("token");
    return context.environment().nonEmpty("CODER_AGENT_SCRIPT_" + os + "_" + arch)
        .map(script -> script.replace("${ACCESS_URL}", context.rootUrl()).replace("${AUTH_TYPE}", auth))
        .orElse("");
  }
}
