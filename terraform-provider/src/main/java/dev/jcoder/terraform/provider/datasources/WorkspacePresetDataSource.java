package dev.jcoder.terraform.provider.datasources;

import static dev.jcoder.terraform.provider.cty.CtyType.BOOL;
import static dev.jcoder.terraform.provider.cty.CtyType.NUMBER;
import static dev.jcoder.terraform.provider.cty.CtyType.STRING;

import dev.jcoder.terraform.provider.DataSource;
import dev.jcoder.terraform.provider.ProviderContext;
import dev.jcoder.terraform.provider.cron.CronParser;
import dev.jcoder.terraform.provider.cron.ScheduleOverlap;
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
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** {@code coder_workspace_preset}: a named set of parameter values, optionally with prebuilds. */
public final class WorkspacePresetDataSource implements DataSource {

  private static final Block SCHEDULE = Block.of(List.of(
      Attribute.required("cron", STRING).validate((key, value) -> validateCron(Validators.text(value))),
      Attribute.required("instances", NUMBER)));

  private static final Block SCHEDULING = new Block(
      List.of(Attribute.required("timezone", STRING).validate((key, value) -> {
        String zone = Validators.text(value);
        if (zone.isEmpty() || zone.equals("UTC") || zone.equals("Local")) {
          return List.of();
        }
        try {
          ZoneId.of(zone);
          return List.of();
        } catch (DateTimeException e) {
          return List.of(Diagnostic.error("failed to load timezone \"" + zone + "\": unknown time zone " + zone));
        }
      })),
      List.of(NestedBlock.list("schedule", SCHEDULE).items(1, 0)));

  private static final Block EXPIRATION_POLICY = Block.of(List.of(
      Attribute.required("ttl", NUMBER).asForceNew().validate((key, value) -> {
        long ttl = Validators.integer(value);
        return ttl == 0 || (ttl >= 3600 && ttl <= 31536000)
            ? List.of()
            : List.of(Diagnostic.error("\"" + key + "\" must be 0 or between 3600 and 31536000, got " + ttl));
      })));

  private static final Block PREBUILDS = new Block(
      List.of(Attribute.required("instances", NUMBER).asForceNew().validate(Validators.intAtLeast(0))),
      List.of(
          NestedBlock.set("expiration_policy", EXPIRATION_POLICY).maxOne(),
          NestedBlock.list("scheduling", SCHEDULING).maxOne()));

  private static final Schema SCHEMA = new Schema(1, new Block(
      List.of(
          Attribute.computed("id", STRING),
          Attribute.required("name", STRING).validate(Validators.stringIsNotEmpty()),
          Attribute.optional("description", STRING).validate(Validators.stringLengthBetween(0, 128)),
          Attribute.optional("icon", STRING).asForceNew().validate(Validators.url())
              .validate(Validators.stringLengthBetween(0, 256)),
          Attribute.optional("default", BOOL).withDefault(false),
          Attribute.optional("parameters", CtyType.map(STRING))),
      List.of(NestedBlock.set("prebuilds", PREBUILDS).maxOne())));

  @Override
  public String typeName() {
    return "coder_workspace_preset";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  static List<Diagnostic> validateCron(String cron) {
    String[] fields = cron.trim().split("\\s+");
    if (fields.length != 5) {
      return List.of(Diagnostic.error("cron spec failed validation: cron specification should consist of 5 fields"));
    }
    if (!fields[0].equals("*")) {
      return List.of(Diagnostic.error("cron spec failed validation: minute field should be *"));
    }
    return CronParser.STANDARD.parse(cron)
        .map(error -> List.of(Diagnostic.error("failed to parse cron spec: " + error)))
        .orElse(List.of());
  }

  @Override
  public ObjectValue read(ObjectValue state, ObjectValue config, ProviderContext context, Diagnostics diagnostics) {
    for (ObjectValue prebuilds : state.objects("prebuilds")) {
      for (ObjectValue scheduling : prebuilds.objects("scheduling")) {
        List<String> crons = scheduling.objects("schedule").stream().map(s -> s.string("cron").orElse("")).toList();
        for (int i = 0; i < crons.size(); i++) {
          for (int j = i + 1; j < crons.size(); j++) {
            try {
              if (ScheduleOverlap.overlap(crons.get(i), crons.get(j))) {
                diagnostics.error("schedules overlap with each other: schedules overlap: " + crons.get(i) + " and "
                    + crons.get(j));
                return state;
              }
            } catch (ScheduleOverlap.InvalidSchedule e) {
              diagnostics.error("schedules overlap with each other: invalid schedule: " + e.getMessage());
              return state;
            }
          }
        }
      }
    }
    return state.with("id", state.get("name"));
  }
}
