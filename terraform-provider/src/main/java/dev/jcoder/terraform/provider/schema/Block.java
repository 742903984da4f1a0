package dev.jcoder.terraform.provider.schema;

import dev.jcoder.terraform.provider.cty.CtyType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A block: attributes and nested blocks; its value is an object of both. */
public record Block(List<Attribute> attributes, List<NestedBlock> blocks) {

  public Block {
    attributes = List.copyOf(attributes);
    blocks = List.copyOf(blocks);
  }

  public static Block of(List<Attribute> attributes) {
    return new Block(attributes, List.of());
  }

  public CtyType type() {
    Map<String, CtyType> types = new LinkedHashMap<>();
    for (Attribute attribute : attributes) {
      types.put(attribute.name(), attribute.type());
    }
    for (NestedBlock block : blocks) {
      CtyType element = block.block().type();
      types.put(block.name(), block.nesting() == NestedBlock.Nesting.SET ? CtyType.set(element) : CtyType.list(element));
    }
    return CtyType.object(types);
  }

  public Optional<Attribute> attribute(String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public Optional<NestedBlock> block(String name) {
    return blocks.stream().filter(b -> b.name().equals(name)).findFirst();
  }
}
