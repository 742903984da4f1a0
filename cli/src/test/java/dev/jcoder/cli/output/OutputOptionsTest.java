package dev.jcoder.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputOptionsTest {
    record Pet(String name, String kind, Instant born) {}

    private static final Output<Pet> PETS = Output.table(List.of(
            new Column<Pet>("name", Pet::name),
            new Column<Pet>("kind", Pet::kind),
            new Column<Pet>("born", Pet::born)), "name", "kind").sortedBy("name");

    @Test
    void tableHasUpperCaseHeadingsTwoSpacesAndNoTrailingBlanks() {
        List<Pet> pets = List.of(new Pet("rex", "dog", Instant.EPOCH), new Pet("felix", "cat", Instant.EPOCH));

        String table = OutputOptions.table(PETS, pets, PETS.columns());

        assertThat(table).isEqualTo("""
                NAME   KIND  BORN
                felix  cat   1970-01-01T00:00:00Z
                rex    dog   1970-01-01T00:00:00Z
                """);
    }

    @Test
    void cellsShowAbsentValuesEmptyAndListsJoined() {
        assertThat(OutputOptions.cell(null)).isEmpty();
        assertThat(OutputOptions.cell(List.of("a", "b"))).isEqualTo("a,b");
        assertThat(OutputOptions.cell(Instant.parse("2026-01-02T03:04:05.678Z"))).isEqualTo("2026-01-02T03:04:05Z");
    }

    @Test
    void jsonIsIndentedLikeGo() {
        assertThat(OutputOptions.json(Map.of("names", List.of("a"), "empty", List.of())))
                .isIn("{\n  \"names\": [\n    \"a\"\n  ],\n  \"empty\": []\n}", "{\n  \"empty\": [],\n  \"names\": [\n    \"a\"\n  ]\n}");
    }

    @Test
    void defaultFormatIsTheFirst() {
        OutputOptions options = new OutputOptions();
        assertThat(options.selectedFormat(PETS)).isEqualTo(Output.Format.TABLE);
        options.format = "JSON";
        assertThat(options.selectedFormat(PETS)).isEqualTo(Output.Format.JSON);
    }
}
