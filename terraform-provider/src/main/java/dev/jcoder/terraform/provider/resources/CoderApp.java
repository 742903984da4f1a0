package dev.jcoder.terraform.provider.resources;

import static dev.jcoder.terraform.provider.cty.CtyType.BOOL;
import static dev.jcoder.terraform.provider.cty.CtyType.NUMBER;
import static dev.jcoder.terraform.provider.cty.CtyType.STRING;

import dev.jcoder.terraform.provider.ManagedResource;
import dev.jcoder.terraform.provider.ProviderContext;
import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.Diagnostic;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.NestedBlock;
import dev.jcoder.terraform.provider.schema.Schema;
import dev.jcoder.terraform.provider.schema.Validators;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/** {@code coder_app}: a web or command app shown on the agent. */
public final class CoderApp implements ManagedResource {

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9](-?[a-z0-9])*$");

  private static final Block HEALTHCHECK = Block.of(List.of(
      Attribute.required("url", STRING).asForceNew(),
      Attribute.required("interval", NUMBER).asForceNew(),
      Attribute.required("threshold", NUMBER).asForceNew()));

  private static final Schema SCHEMA = new Schema(1, new Block(
      List.of(
          Attribute.implicitId(),
          Attribute.required("agent_id", STRING).asForceNew(),
          Attribute.required("slug", STRING).asForceNew().validate((key, value) -> {
            String slug = Validators.text(value);
            return SLUG.matcher(slug).matches() ? List.of() : List.of(Diagnostic.error(
                "invalid \"coder_app\" slug, must be a valid hostname (\"^[a-z0-9](-?[a-z0-9])*$\", cannot contain "
                    + "two consecutive hyphens or start/end with a hyphen): \"" + slug + "\""));
          }),
          Attribute.optional("display_name", STRING).asForceNew()
              .validate(Validators.maxBytes(64, "display name is too long (max 64 characters)")),
          Attribute.optional("icon", STRING).asForceNew().validate(Validators.url()),
          Attribute.optional("command", STRING).asForceNew().conflictsWith("url", "subdomain"),
          Attribute.optional("url", STRING).asForceNew().conflictsWith("command"),
          Attribute.optional("subdomain", BOOL).asForceNew(),
          Attribute.optional("share", STRING).withDefault("owner").asForceNew().validate((key, value) -> {
            String share = Validators.text(value);
            return List.of("owner", "authenticated", "public").contains(share) ? List.of() : List.of(Diagnostic.error(
                "invalid app share \"" + share + "\", must be one of \"owner\", \"authenticated\", \"public\""));
          }),
          Attribute.optional("external", BOOL).withDefault(false).asForceNew()
              .conflictsWith("healthcheck", "command", "subdomain", "share"),
          Attribute.optional("group", STRING).asForceNew()
              .validate(Validators.maxBytes(64, "group name is too long (max 64 characters)")),
          Attribute.optional("order", NUMBER).asForceNew(),
          Attribute.optional("hidden", BOOL).withDefault(false).asForceNew(),
          Attribute.optional("open_in", STRING).withDefault("slim-window").asForceNew().validate((key, value) -> {
            String openIn = Validators.text(value);
            return List.of("tab", "slim-window").contains(openIn) ? List.of() : List.of(Diagnostic.error(
                "invalid \"coder_app\" open_in value, must be one of \"tab\", \"slim-window\": \"" + openIn + "\""));
          }),
          Attribute.optional("tooltip", STRING).asForceNew()
              .validate(Validators.maxBytes(2048, "tooltip is too long (max 2048 characters)"))),
      List.of(NestedBlock.set("healthcheck", HEALTHCHECK).maxOne().asForceNew().conflictsWith("command"))));

  @Override
  public String typeName() {
    return "coder_app";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  /** Hidden apps warn about settings that only matter for visible ones (SDK GetOk: zero values don't count). */
  @Override
  public ObjectValue create(ObjectValue planned, ProviderContext context, Diagnostics diagnostics) {
    if (planned.bool("hidden").orElse(false)) {
      if (planned.string("display_name").filter(s -> !s.isEmpty()).isPresent()) {
        diagnostics.add(Diagnostic.warning("`display_name` set when app is hidden", ""));
      }
      if (planned.string("icon").filter(s -> !s.isEmpty()).isPresent()) {
        diagnostics.add(Diagnostic.warning("`icon` set when app is hidden", ""));
      }
      if (planned.number("order").filter(n -> n.compareTo(BigDecimal.ZERO) != 0).isPresent()) {
        diagnostics.add(Diagnostic.warning("`order` set when app is hidden", ""));
      }
    }
    return planned.with("id", Value.string(ProviderContext.newId()));
  }
}
