package dev.jcoder.terraform.provider.cty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MsgpackCodecTest {

  private static final CtyType OBJECT = CtyType.object(Map.of(
      "name", CtyType.STRING,
      "count", CtyType.NUMBER,
      "enabled", CtyType.BOOL,
      "tags", CtyType.map(CtyType.STRING),
      "items", CtyType.list(CtyType.object(Map.of("key", CtyType.STRING)))));

  @Test
  void objectsRoundTripWithEveryAttributePresent() {
    Value value = new Value.ObjectValue(Map.of(
        "name", Value.string("dev"),
        "count", Value.number(3),
        "tags", new Value.MapValue(Map.of("a", Value.string("b"))),
        "items", Value.list(List.of(new Value.ObjectValue(Map.of("key", Value.string("k")))))));

    Value decoded = MsgpackCodec.decode(OBJECT, MsgpackCodec.encode(OBJECT, value));

    assertThat(decoded).isEqualTo(((Value.ObjectValue) value).with("enabled", Value.NULL));
  }

  @Test
  void unknownIsExtensionZeroAndAnyExtensionDecodesAsUnknown() {
    assertThat(HexFormat.of().formatHex(MsgpackCodec.encode(CtyType.STRING, Value.UNKNOWN))).isEqualTo("d40000");
    // A refined unknown (ext 0x0c) carrying a not-null refinement.
    byte[] refined = HexFormat.of().parseHex("c7030c810102");
    assertThat(MsgpackCodec.decode(CtyType.STRING, refined)).isEqualTo(Value.UNKNOWN);
  }

  @Test
  void numbersAreIntegersWhenIntegralAndFloatsOtherwise() {
    assertThat(HexFormat.of().formatHex(MsgpackCodec.encode(CtyType.NUMBER, Value.number(120)))).isEqualTo("78");
    Value fraction = Value.number(new BigDecimal("1.5"));
    assertThat(MsgpackCodec.decode(CtyType.NUMBER, MsgpackCodec.encode(CtyType.NUMBER, fraction))).isEqualTo(fraction);
    // cty also sends numbers that do not fit a float64 as strings.
    byte[] asString = MsgpackCodec.encode(CtyType.STRING, Value.string("12345678901234567890123"));
    assertThat(MsgpackCodec.decode(CtyType.NUMBER, asString)).isEqualTo(Value.number(new BigDecimal("12345678901234567890123")));
  }

  @Test
  void attributesTheTypeDoesNotKnowAreSkipped() {
    CtyType wider = CtyType.object(Map.of("name", CtyType.STRING, "legacy", CtyType.list(CtyType.STRING)));
    byte[] bytes = MsgpackCodec.encode(wider, new Value.ObjectValue(Map.of(
        "name", Value.string("x"), "legacy", Value.list(List.of(Value.string("y"))))));

    Value decoded = MsgpackCodec.decode(CtyType.object(Map.of("name", CtyType.STRING)), bytes);

    assertThat(decoded).isEqualTo(new Value.ObjectValue(Map.of("name", Value.string("x"))));
  }

  @Test
  void typesHaveCtyJson() {
    assertThat(CtyType.list(CtyType.object(Map.of("org_id", CtyType.STRING, "name", CtyType.STRING))).json())
        .isEqualTo("[\"list\",[\"object\",{\"name\":\"string\",\"org_id\":\"string\"}]]");
  }
}
