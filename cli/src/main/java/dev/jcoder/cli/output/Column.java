package dev.jcoder.cli.output;

import java.util.Objects;
import java.util.function.Function;

/** A table column: its name as {@code -c} takes it (lower case, as Coder's) and how to get a row's cell. */
public record Column<T>(String name, Function<? super T, ?> value) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
