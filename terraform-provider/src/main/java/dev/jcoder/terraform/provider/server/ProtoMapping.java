package dev.jcoder.terraform.provider.server;

import com.google.protobuf.ByteString;
import dev.jcoder.terraform.provider.cty.CtyType;
import dev.jcoder.terraform.provider.cty.MsgpackCodec;
import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.protocol.tfplugin6.Tfplugin6;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.AttributePath;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.Diagnostic;
import dev.jcoder.terraform.provider.schema.NestedBlock;
import dev.jcoder.terraform.provider.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Conversions between the schema/value model and the generated tfplugin6 messages. */
final class ProtoMapping {

  private ProtoMapping() {}

  static Tfplugin6.Schema schema(Schema schema) {
    return Tfplugin6.Schema.newBuilder().setVersion(schema.version()).setBlock(block(schema.block(), schema.version())).build();
  }

  private static Tfplugin6.Schema.Block block(Block block, long version) {
    var builder = Tfplugin6.Schema.Block.newBuilder().setVersion(version);
    for (Attribute attribute : block.attributes()) {
      builder.addAttributes(Tfplugin6.Schema.Attribute.newBuilder()
          .setName(attribute.name())
          .setType(ByteString.copyFrom(attribute.type().json(), StandardCharsets.UTF_8))
          .setDescription(attribute.description())
          .setRequired(attribute.mode() == Attribute.Mode.REQUIRED)
          .setOptional(attribute.mode() == Attribute.Mode.OPTIONAL || attribute.mode() == Attribute.Mode.OPTIONAL_COMPUTED)
          .setComputed(attribute.mode().computed())
          .setSensitive(attribute.sensitive())
          .setDeprecated(attribute.deprecation().isPresent()));
    }
    for (NestedBlock nested : block.blocks()) {
      builder.addBlockTypes(Tfplugin6.Schema.NestedBlock.newBuilder()
          .setTypeName(nested.name())
          .setBlock(block(nested.block(), 0).toBuilder().setDeprecated(nested.deprecation().isPresent()))
          .setNesting(nested.nesting() == NestedBlock.Nesting.SET
              ? Tfplugin6.Schema.NestedBlock.NestingMode.SET
              : Tfplugin6.Schema.NestedBlock.NestingMode.LIST)
          .setMinItems(nested.minItems())
          .setMaxItems(nested.maxItems()));
    }
    return builder.build();
  }

  static Value decode(CtyType type, Tfplugin6.DynamicValue value) {
    if (!value.getMsgpack().isEmpty()) {
      return MsgpackCodec.decode(type, value.getMsgpack().toByteArray());
    }
    if (!value.getJson().isEmpty()) {
      return dev.jcoder.terraform.provider.cty.JsonStateCodec.decode(type, value.getJson().toByteArray());
    }
    return Value.NULL;
  }

  static Tfplugin6.DynamicValue encode(CtyType type, Value value) {
    return Tfplugin6.DynamicValue.newBuilder().setMsgpack(ByteString.copyFrom(MsgpackCodec.encode(type, value))).build();
  }

  static Tfplugin6.AttributePath path(AttributePath path) {
    var builder = Tfplugin6.AttributePath.newBuilder();
    for (AttributePath.Step step : path.steps()) {
      switch (step) {
        case AttributePath.Step.AttributeName a ->
            builder.addSteps(Tfplugin6.AttributePath.Step.newBuilder().setAttributeName(a.name()));
        case AttributePath.Step.ElementIndex i ->
            builder.addSteps(Tfplugin6.AttributePath.Step.newBuilder().setElementKeyInt(i.index()));
      }
    }
    return builder.build();
  }

  static List<Tfplugin6.Diagnostic> diagnostics(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(ProtoMapping::diagnostic).toList();
  }

  private static Tfplugin6.Diagnostic diagnostic(Diagnostic diagnostic) {
    var builder = Tfplugin6.Diagnostic.newBuilder()
        .setSeverity(diagnostic.isError() ? Tfplugin6.Diagnostic.Severity.ERROR : Tfplugin6.Diagnostic.Severity.WARNING)
        .setSummary(diagnostic.summary())
        .setDetail(diagnostic.detail());
    diagnostic.path().ifPresent(p -> builder.setAttribute(path(p)));
    return builder.build();
  }
}
