package dev.jcoder.terraform.provider.resources;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** UUID parsing as google/uuid's Parse does it: plain, braced, urn and 32-hex forms. */
public final class Uuids {

  private Uuids() {}

  public static Optional<UUID> parse(String text) {
    String s = text;
    if (s.length() == 45 && s.toLowerCase(Locale.ROOT).startsWith("urn:uuid:")) {
      s = s.substring(9);
    } else if (s.length() == 38 && s.startsWith("{") && s.endsWith("}")) {
      s = s.substring(1, 37);
    } else if (s.length() == 32) {
      s = s.substring(0, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16) + "-" + s.substring(16, 20) + "-"
          + s.substring(20);
    }
    if (s.length() != 36 || !s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
      return Optional.empty();
    }
    return Optional.of(UUID.fromString(s));
  }
}
