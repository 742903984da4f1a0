package dev.jcoder.terraform.provider.datasources;

import static dev.jcoder.terraform.provider.cty.CtyType.STRING;

import dev.jcoder.terraform.provider.BuildEnvironment;
import dev.jcoder.terraform.provider.DataSource;
import dev.jcoder.terraform.provider.ProviderContext;
import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.Diagnostic;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.Schema;
import dev.jcoder.terraform.provider.schema.Validators;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/** {@code coder_secret}: a user secret exposed as an env var or a file, passed by coderd. */
public final class SecretDataSource implements DataSource {

  private static final Schema SCHEMA = new Schema(1, Block.of(List.of(
      Attribute.optional("env", STRING).asForceNew().validate((key, value) -> {
        String env = Validators.text(value);
        return env.isEmpty() || env.matches("^[a-zA-Z_][a-zA-Z0-9_]*$") ? List.of() : List.of(Diagnostic.error(
            "`env` must be a POSIX-compliant identifier matching \"^[a-zA-Z_][a-zA-Z0-9_]*$\"; got \"" + env + "\""));
      }),
      Attribute.optional("file", STRING).asForceNew().validate((key, value) -> {
        String file = Validators.text(value);
        return file.isEmpty() || file.startsWith("/") || file.startsWith("~/")
            ? List.of()
            : List.of(Diagnostic.error("`file` must start with `/` or `~/`; got \"" + file + "\""));
      }),
      Attribute.required("help_message", STRING),
      Attribute.computed("value", STRING).asSensitive(),
      Attribute.implicitId())));

  @Override
  public String typeName() {
    return "coder_secret";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public ObjectValue read(ObjectValue state, ObjectValue config, ProviderContext context, Diagnostics diagnostics) {
    String env = state.string("env").orElse("");
    String file = state.string("file").orElse("");
    if (env.isEmpty() == file.isEmpty()) {
      diagnostics.error("exactly one of `env` or `file` must be set");
      return state;
    }
    BuildEnvironment environment = context.environment();
    String variable = env.isEmpty()
        ? "CODER_SECRET_FILE_" + HexFormat.of().formatHex(file.getBytes(StandardCharsets.UTF_8))
        : "CODER_SECRET_ENV_" + env;
    String requirement = env.isEmpty() ? "file \"" + file + "\"" : "environment variable \"" + env + "\"";
    String value = environment.getOrDefault(variable, "");
    boolean realStart = environment.nonEmpty("CODER_WORKSPACE_BUILD_ID").isPresent()
        && environment.getOrDefault("CODER_WORKSPACE_TRANSITION", "start").equals("start");
    if (value.isEmpty() && realStart) {
      String help = state.string("help_message").orElse("");
      diagnostics.add(Diagnostic.error("Missing required secret: " + requirement,
          "Required: " + requirement + "\n\n" + (help.isEmpty() ? "" : "Help message: " + help + "\n\n")
              + "To resolve: ensure a secret exposes the " + requirement + ".\n"));
      return state;
    }
    return state
        .with("id", Value.string(env.isEmpty() ? "file:" + file : "env:" + env))
        .with("value", Value.string(value));
  }
}
