package dev.jcoder.terraform.provider.cty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/** cty's msgpack encoding, the format of {@code DynamicValue.msgpack}. */
public final class MsgpackCodec {

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private MsgpackCodec() {}

  public static byte[] encode(CtyType type, Value value) {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      write(packer, type, value);
      return packer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Value decode(CtyType type, byte[] bytes) {
    if (bytes.length == 0) {
      return Value.NULL;
    }
    try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
      return read(unpacker, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(MessagePacker packer, CtyType type, Value value) throws IOException {
    switch (value) {
      case Value.Null n -> packer.packNil();
      case Value.Unknown u -> {
        // cty's marker for an unknown value: extension type 0 with a single zero byte.
        packer.packExtensionTypeHeader((byte) 0, 1);
        packer.writePayload(new byte[] {0});
      }
      case Value.StringValue s -> packer.packString(s.value());
      case Value.BoolValue b -> packer.packBoolean(b.value());
      case Value.NumberValue n -> writeNumber(packer, n.value());
      case Value.ListValue list -> {
        CtyType element = elementType(type);
        packer.packArrayHeader(list.elements().size());
        for (Value v : list.elements()) {
          write(packer, element, v);
        }
      }
      case Value.MapValue map -> {
        CtyType element = elementType(type);
        packer.packMapHeader(map.entries().size());
        for (Map.Entry<String, Value> e : map.entries().entrySet()) {
          packer.packString(e.getKey());
          write(packer, element, e.getValue());
        }
      }
      case Value.ObjectValue object -> {
        if (!(type instanceof CtyType.ObjectType objectType)) {
          throw new IllegalArgumentException("object value for type " + type.json());
        }
        // cty insists on exactly the attributes of the type, so missing ones are sent as null.
        packer.packMapHeader(objectType.attributes().size());
        for (Map.Entry<String, CtyType> e : objectType.attributes().entrySet()) {
          packer.packString(e.getKey());
          write(packer, e.getValue(), object.get(e.getKey()));
        }
      }
    }
  }

  private static void writeNumber(MessagePacker packer, BigDecimal number) throws IOException {
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      BigInteger integer = stripped.toBigIntegerExact();
      if (integer.compareTo(LONG_MIN) >= 0 && integer.compareTo(LONG_MAX) <= 0) {
        packer.packLong(integer.longValue());
        return;
      }
    }
    double asDouble = number.doubleValue();
    if (!Double.isInfinite(asDouble) && new BigDecimal(asDouble).compareTo(number) == 0) {
      packer.packDouble(asDouble);
      return;
    }
    packer.packString(number.toPlainString());
  }

  private static CtyType elementType(CtyType type) {
    return switch (type) {
      case CtyType.ListType l -> l.element();
      case CtyType.SetType s -> s.element();
      case CtyType.MapType m -> m.element();
      default -> throw new IllegalArgumentException("not a collection type: " + type.json());
    };
  }

  private static Value read(MessageUnpacker unpacker, CtyType type) throws IOException {
    MessageFormat format = unpacker.getNextFormat();
    if (format.getValueType() == ValueType.NIL) {
      unpacker.unpackNil();
      return Value.NULL;
    }
    if (format.getValueType() == ValueType.EXTENSION) {
      // Type 0 is a plain unknown, 0x0c a refined one; both are unknown to us.
      var header = unpacker.unpackExtensionTypeHeader();
      unpacker.readPayload(header.getLength());
      return Value.UNKNOWN;
    }
    return switch (type) {
      case CtyType.Primitive p -> readPrimitive(unpacker, p, format);
      case CtyType.ListType l -> readArray(unpacker, l.element());
      case CtyType.SetType s -> readArray(unpacker, s.element());
      case CtyType.MapType m -> {
        int size = unpacker.unpackMapHeader();
        Map<String, Value> entries = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
          String key = unpacker.unpackString();
          entries.put(key, read(unpacker, m.element()));
        }
        yield new Value.MapValue(entries);
      }
      case CtyType.ObjectType o -> {
        int size = unpacker.unpackMapHeader();
        Map<String, Value> attributes = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
          String key = unpacker.unpackString();
          CtyType attributeType = o.attributes().get(key);
          if (attributeType == null) {
            unpacker.skipValue();
          } else {
            attributes.put(key, read(unpacker, attributeType));
          }
        }
        yield new Value.ObjectValue(attributes);
      }
    };
  }

  private static Value readArray(MessageUnpacker unpacker, CtyType element) throws IOException {
    int size = unpacker.unpackArrayHeader();
    List<Value> elements = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      elements.add(read(unpacker, element));
    }
    return new Value.ListValue(elements);
  }

  private static Value readPrimitive(MessageUnpacker unpacker, CtyType.Primitive type, MessageFormat format)
      throws IOException {
    return switch (format.getValueType()) {
      case STRING -> {
        String s = unpacker.unpackString();
        yield type == CtyType.NUMBER ? Value.number(new BigDecimal(s)) : Value.string(s);
      }
      case BOOLEAN -> Value.bool(unpacker.unpackBoolean());
      case INTEGER -> Value.number(new BigDecimal(unpacker.unpackBigInteger()));
      case FLOAT -> Value.number(BigDecimal.valueOf(unpacker.unpackDouble()));
      default -> throw new IllegalArgumentException("unexpected msgpack " + format + " for " + type.json());
    };
  }
}
