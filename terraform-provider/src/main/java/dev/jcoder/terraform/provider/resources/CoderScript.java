package dev.jcoder.terraform.provider.resources;

import static dev.jcoder.terraform.provider.cty.CtyType.BOOL;
import static dev.jcoder.terraform.provider.cty.CtyType.NUMBER;
import static dev.jcoder.terraform.provider.cty.CtyType.STRING;

import dev.jcoder.terraform.provider.ManagedResource;
import dev.jcoder.terraform.provider.ProviderContext;
import dev.jcoder.terraform.provider.cron.CronParser;
import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.Diagnostic;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.Schema;
import dev.jcoder.terraform.provider.schema.Validators;
import java.util.List;

/** {@code coder_script}: a script the agent runs on start, on stop or on a cron schedule. */
public final class CoderScript implements ManagedResource {

  private static final Schema SCHEMA = new Schema(1, Block.of(List.of(
      Attribute.implicitId(),
      Attribute.required("agent_id", STRING).asForceNew(),
      Attribute.required("display_name", STRING).asForceNew(),
      Attribute.required("script", STRING).asForceNew(),
      Attribute.optional("icon", STRING).asForceNew(),
      Attribute.optional("log_path", STRING).asForceNew(),
      Attribute.optional("cron", STRING).asForceNew().validate(CoderScript::validateCron),
      Attribute.optional("start_blocks_login", BOOL).withDefault(false).asForceNew(),
      Attribute.optional("run_on_start", BOOL).withDefault(false).asForceNew(),
      Attribute.optional("run_on_stop", BOOL).withDefault(false).asForceNew(),
      Attribute.optional("timeout", NUMBER).withDefault(0).asForceNew().validate(Validators.intAtLeast(1)))));

  @Override
  public String typeName() {
    return "coder_script";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  static List<Diagnostic> validateCron(String key, Value value) {
    String cron = Validators.text(value);
    if (cron.isEmpty()) {
      return List.of();
    }
    var error = CronParser.SCRIPT.parse(cron);
    if (error.isPresent()) {
      return List.of(Diagnostic.error(cron + " is not a valid cron expression: " + error.get()));
    }
    if (cron.trim().split("\\s+").length == 5 && CronParser.STANDARD.parse(cron).isEmpty()) {
      return List.of(Diagnostic.warning("The cron expression '" + cron + "' appears to be in Unix 5-field format. "
          + "Coder uses 6-field format (seconds minutes hours day month day-of-week). "
          + "Consider prefixing with '0 ' to run at the start of each minute: '0 " + cron + "'", ""));
    }
    return List.of();
  }

  @Override
  public ObjectValue create(ObjectValue planned, ProviderContext context, Diagnostics diagnostics) {
    boolean runOnStart = planned.bool("run_on_start").orElse(false);
    boolean runOnStop = planned.bool("run_on_stop").orElse(false);
    boolean hasCron = planned.string("cron").filter(c -> !c.isEmpty()).isPresent();
    if (!runOnStart && !runOnStop && !hasCron) {
      diagnostics.error("at least one of \"run_on_start\", \"run_on_stop\", or \"cron\" must be set");
    }
    if (planned.bool("start_blocks_login").orElse(false) && !runOnStart) {
      diagnostics.error("\"start_blocks_login\" can only be set if \"run_on_start\" is \"true\"");
    }
    return planned.with("id", Value.string(ProviderContext.newId()));
  }
}
