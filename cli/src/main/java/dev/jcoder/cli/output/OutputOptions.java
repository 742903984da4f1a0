package dev.jcoder.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.jcoder.cli.CliException;
import dev.jcoder.codersdk.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code -o/--output} and {@code -c/--column} flags, mixed into every command that prints
 * results, and the printing itself. The command's {@link Output} says which formats and columns exist.
 */
public final class OutputOptions {
    /** Created on first use: text and table output do not need Jackson. */
    private static final class JsonWriter {
        static final ObjectWriter WRITER = Json.mapper().writer(new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator("")));
    }

    @Option(names = {"-o", "--output"}, paramLabel = "<format>", descriptionKey = "jcoder.output",
            description = "Output format.")
    String format;

    @Option(names = {"-c", "--column"}, split = ",", paramLabel = "<column>", descriptionKey = "jcoder.column",
            description = "Columns to display in table output.")
    List<String> columns = new ArrayList<>();

    /** Prints one result: as text, JSON, or a one-row table. */
    public <T> void print(PrintWriter out, Output<T> output, T row) {
        printRows(out, output, List.of(row), output.jsonSingle(), output.defaultColumns());
    }

    /** Prints a list of results: a table by default, or a JSON array. */
    public <T> void print(PrintWriter out, Output<T> output, List<T> rows) {
        printRows(out, output, rows, false, output.defaultColumns());
    }

    /** Like {@link #print(PrintWriter, Output, List)} with other default columns (for example when a flag adds one). */
    public <T> void print(PrintWriter out, Output<T> output, List<T> rows, List<String> defaultColumns) {
        printRows(out, output, rows, false, defaultColumns);
    }

    /** True when {@code -c} named the columns. */
    public boolean columnsChosen() {
        return !columns.isEmpty();
    }

    private <T> void printRows(PrintWriter out, Output<T> output, List<T> rows, boolean single, List<String> defaultColumns) {
        switch (selectedFormat(output)) {
            case TEXT -> rows.forEach(row -> out.println(output.text().orElseThrow().apply(row)));
            case JSON -> {
                List<Object> values = rows.stream().<Object>map(row -> output.json().apply(row)).toList();
                out.println(json(single && values.size() == 1 ? values.getFirst() : values));
            }
            case TABLE -> out.print(table(output, rows, selectedColumns(output, defaultColumns)));
        }
        out.flush();
    }

    /** Pretty JSON as Go's {@code json.MarshalIndent(v, "", "  ")} writes it. */
    public static String json(Object value) {
        try {
            return JsonWriter.WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the result as JSON.", e);
        }
    }

    /** The format {@code -o} chose for {@code output}, or its default. */
    public Output.Format selectedFormat(Output<?> output) {
        if (format == null || format.isBlank()) {
            return output.formats().getFirst();
        }
        return output.formats().stream().filter(candidate -> candidate.value().equalsIgnoreCase(format.strip()))
                .findFirst().orElseThrow(() -> new CliException("Unknown output format \"" + format + "\": use "
                        + output.formats().stream().map(Output.Format::value).collect(Collectors.joining(" or ")) + "."));
    }

    private <T> List<Column<T>> selectedColumns(Output<T> output, List<String> defaultColumns) {
        List<String> names = columns.isEmpty() ? defaultColumns : columns;
        List<Column<T>> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(output.column(name).orElseThrow(() -> new CliException("Unknown column \"" + name
                    + "\": choose from " + output.columns().stream().map(Column::name).collect(Collectors.joining(", ")) + ".")));
        }
        return selected;
    }

    /** Upper-case headings, columns padded to their widest cell and separated by two spaces, no trailing blanks. */
    static <T> String table(Output<T> output, List<T> rows, List<Column<T>> selected) {
        List<T> sorted = new ArrayList<>(rows);
        output.sortColumn().flatMap(output::column).ifPresent(sortBy ->
                sorted.sort(Comparator.comparing(row -> cell(sortBy.value().apply(row)))));
        List<List<String>> lines = new ArrayList<>();
        lines.add(selected.stream().map(column -> column.name().toUpperCase(Locale.ROOT)).toList());
        for (T row : sorted) {
            lines.add(selected.stream().map(column -> cell(column.value().apply(row))).toList());
        }
        int[] widths = new int[selected.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                row.append(line.get(i));
                if (i < line.size() - 1) {
                    row.append(" ".repeat(widths[i] - line.get(i).length() + 2));
                }
            }
            text.append(row.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** A cell's text: times in RFC 3339 to the second (UTC), lists joined with commas, absent values empty. */
    static String cell(Object value) {
        return switch (value) {
            case null -> "";
            case Optional<?> optional -> optional.map(OutputOptions::cell).orElse("");
            case Instant instant -> instant.truncatedTo(ChronoUnit.SECONDS).toString();
            case Collection<?> collection -> collection.stream().map(OutputOptions::cell).collect(Collectors.joining(","));
            default -> value.toString();
        };
    }

    /**
     * Fills in the help of {@code -o} and {@code -c} for each command that prints results, from its
     * {@link Output}: which formats and columns it offers and their defaults.
     */
    public static void describeColumns(CommandLine commandLine) {
        if (commandLine.getCommand() instanceof HasOutput command) {
            Output<?> output = command.output();
            String formats = output.formats().stream().map(Output.Format::value).collect(Collectors.joining("|"));
            String columnHelp = output.columns().isEmpty() ? "Columns to display in table output."
                    : "Columns to display in table output: " + output.columns().stream().map(Column::name)
                            .collect(Collectors.joining(", ")) + ". Default: " + String.join(",", output.defaultColumns()) + ".";
            Object[][] contents = {
                {"jcoder.output", "Output format: " + formats + ". Default: " + output.formats().getFirst().value() + "."},
                {"jcoder.column", columnHelp},
            };
            commandLine.getCommandSpec().resourceBundle(new ListResourceBundle() {
                @Override
                protected Object[][] getContents() {
                    return contents;
                }
            });
        }
        commandLine.getSubcommands().values().stream().distinct().forEach(OutputOptions::describeColumns);
    }
}
