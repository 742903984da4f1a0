package dev.jcoder.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How one command shows its results: which {@code -o} formats it offers (the first is the
 * default), its table columns and default columns, its text form and its JSON form. Immutable;
 * commands keep one as a constant and pass it to {@link OutputOptions#print}.
 */
public final class Output<T> {
    /** The {@code -o} formats, named as Coder's. */
    public enum Format {
        TABLE("table"),
        JSON("json"),
        TEXT("text");

        private final String value;

        Format(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    private final List<Format> formats;
    private final List<Column<T>> columns;
    private final List<String> defaultColumns;
    private final Optional<String> sortColumn;
    private final Optional<Function<? super T, String>> text;
    private final Function<? super T, ?> json;
    private final boolean jsonSingle;

    private Output(List<Format> formats, List<Column<T>> columns, List<String> defaultColumns, Optional<String> sortColumn,
            Optional<Function<? super T, String>> text, Function<? super T, ?> json, boolean jsonSingle) {
        this.formats = List.copyOf(formats);
        this.columns = List.copyOf(columns);
        this.defaultColumns = List.copyOf(defaultColumns);
        this.sortColumn = sortColumn;
        this.text = text;
        this.json = json;
        this.jsonSingle = jsonSingle;
        for (String name : defaultColumns) {
            column(name).orElseThrow(() -> new IllegalArgumentException("No column " + name));
        }
    }

    /**
     * {@code -o table|json}; the table shows {@code defaultColumns} unless {@code -c} names others.
     * A list prints as a JSON array, a single result as a JSON object.
     */
    public static <T> Output<T> table(List<Column<T>> columns, String... defaultColumns) {
        return new Output<>(List.of(Format.TABLE, Format.JSON), columns, List.of(defaultColumns), Optional.empty(),
                Optional.empty(), Function.identity(), true);
    }

    /** {@code -o text|json} for a single result; JSON is the object itself. */
    public static <T> Output<T> text(Function<? super T, String> text) {
        return new Output<>(List.of(Format.TEXT, Format.JSON), List.of(), List.of(), Optional.empty(),
                Optional.of(text), Function.identity(), true);
    }

    /** Also offers {@code -o table} with these columns (after the existing formats). */
    public Output<T> withTable(List<Column<T>> newColumns, String... newDefaultColumns) {
        List<Format> all = new ArrayList<>(formats);
        if (!all.contains(Format.TABLE)) {
            all.add(Format.TABLE);
        }
        return new Output<>(all, newColumns, List.of(newDefaultColumns), sortColumn, text, json, jsonSingle);
    }

    /** Rows are sorted by this column's text (Coder's {@code default_sort}). */
    public Output<T> sortedBy(String column) {
        column(column).orElseThrow(() -> new IllegalArgumentException("No column " + column));
        return new Output<>(formats, columns, defaultColumns, Optional.of(column), text, json, jsonSingle);
    }

    /** What each row looks like as JSON (by default the row object itself). */
    public Output<T> withJson(Function<? super T, ?> newJson) {
        return new Output<>(formats, columns, defaultColumns, sortColumn, text, newJson, jsonSingle);
    }

    /** JSON is an array of rows even for one result (as Coder's {@code whoami}). */
    public Output<T> withJsonArray() {
        return new Output<>(formats, columns, defaultColumns, sortColumn, text, json, false);
    }

    public List<Format> formats() {
        return formats;
    }

    public List<Column<T>> columns() {
        return columns;
    }

    public List<String> defaultColumns() {
        return defaultColumns;
    }

    Optional<String> sortColumn() {
        return sortColumn;
    }

    Optional<Function<? super T, String>> text() {
        return text;
    }

    Function<? super T, ?> json() {
        return json;
    }

    boolean jsonSingle() {
        return jsonSingle;
    }

    Optional<Column<T>> column(String name) {
        Objects.requireNonNull(name, "name");
        return columns.stream().filter(column -> column.name().equalsIgnoreCase(name.strip())).findFirst();
    }
}
