package dev.jcoder.terraform.provider.datasources;

import static dev.jcoder.terraform.provider.cty.CtyType.BOOL;
import static dev.jcoder.terraform.provider.cty.CtyType.STRING;

import dev.jcoder.terraform.provider.DataSource;
import dev.jcoder.terraform.provider.ProviderContext;
import dev.jcoder.terraform.provider.cty.CtyType;
import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.resources.Uuids;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.Schema;
import java.util.List;
import java.util.Locale;

/** The data sources whose read is a few lines: tags, provisioner, external auth, task. */
public final class SmallDataSources {

  private SmallDataSources() {}

  /** A data source defined by its schema and a read function. */
  public record Simple(String typeName, Schema schema, Reader reader) implements DataSource {
    @Override
    public ObjectValue read(ObjectValue state, ObjectValue config, ProviderContext context, Diagnostics diagnostics) {
      return reader.read(state, context, diagnostics);
    }
  }

  /** The read function of a {@link Simple} data source. */
  @FunctionalInterface
  public interface Reader {
    ObjectValue read(ObjectValue state, ProviderContext context, Diagnostics diagnostics);
  }

  /** {@code coder_workspace_tags}: tags are evaluated by coderd statically; read only mints an id. */
  public static DataSource workspaceTags() {
    return new Simple("coder_workspace_tags", new Schema(1, Block.of(List.of(
        Attribute.optional("tags", CtyType.map(STRING)).asForceNew(),
        Attribute.implicitId()))),
        (state, context, diagnostics) -> state.with("id", Value.string(ProviderContext.newId())));
  }

  /** {@code coder_provisioner}: the OS and architecture of the provisioner, in Go's names. */
  public static DataSource provisioner() {
    return new Simple("coder_provisioner", new Schema(1, Block.of(List.of(
        Attribute.computed("os", STRING),
        Attribute.computed("arch", STRING),
        Attribute.implicitId()))),
        (state, context, diagnostics) -> state
            .with("id", Value.string(ProviderContext.newId()))
            .with("os", Value.string(goOs(System.getProperty("os.name", ""))))
            .with("arch", Value.string(goArch(System.getProperty("os.arch", "")))));
  }

  /** {@code coder_external_auth}: the access token coderd passes for an external auth provider. */
  public static DataSource externalAuth() {
    return new Simple("coder_external_auth", new Schema(1, Block.of(List.of(
        Attribute.required("id", STRING),
        Attribute.computed("access_token", STRING).asSensitive(),
        Attribute.optional("optional", BOOL)))),
        (state, context, diagnostics) -> {
          String id = state.string("id").orElse("");
          if (id.isEmpty()) {
            diagnostics.error("id is required");
            return state;
          }
          return state.with("access_token",
              Value.string(context.environment().getOrDefault("CODER_EXTERNAL_AUTH_ACCESS_TOKEN_" + id, "")));
        });
  }

  /** {@code coder_task}: the AI task this build belongs to, if any. */
  public static DataSource task() {
    return new Simple("coder_task", new Schema(0, Block.of(List.of(
        Attribute.computed("id", STRING),
        Attribute.computed("prompt", STRING),
        Attribute.computed("enabled", BOOL)))),
        (state, context, diagnostics) -> {
          String taskId = context.environment().getOrDefault("CODER_TASK_ID", "");
          ObjectValue result = state.with("prompt",
              Value.string(context.environment().getOrDefault("CODER_TASK_PROMPT", "")));
          if (taskId.isEmpty() || taskId.equals("00000000-0000-0000-0000-000000000000")) {
            return result.with("id", Value.string(ProviderContext.newId())).with("enabled", Value.FALSE);
          }
          if (Uuids.parse(taskId).isEmpty()) {
            diagnostics.error("invalid UUID length: " + taskId.length());
            return result;
          }
          return result.with("id", Value.string(taskId)).with("enabled", Value.TRUE);
        });
  }

  static String goOs(String osName) {
    String name = osName.toLowerCase(Locale.ROOT);
    if (name.startsWith("linux")) {
      return "linux";
    }
    if (name.startsWith("mac") || name.startsWith("darwin")) {
      return "darwin";
    }
    if (name.startsWith("windows")) {
      return "windows";
    }
    return name.replace(" ", "");
  }

  static String goArch(String osArch) {
    String arch = osArch.toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i486", "i586", "i686" -> "386";
      default -> arch.startsWith("arm") ? "armv7" : arch;
    };
  }
}
