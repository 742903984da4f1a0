package dev.jcoder.codersdk;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up an API enum constant by its exact wire value. */
final class Enums {
    private Enums() {}

    static <E extends Enum<E>> E fromValue(Class<E> type, String value, Function<E, String> wireValue) {
        for (E constant : type.getEnumConstants()) {
            if (wireValue.apply(constant).equals(value)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(wireValue).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("\"" + value + "\" is not one of: " + allowed + ".");
    }
}
