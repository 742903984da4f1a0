package dev.jcoder.cli.workspaces.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.TemplateVersionParameterType;
import dev.jcoder.codersdk.ValidationMonotonicOrder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterValidatorTest {
    private static Optional<String> check(Parameters parameter, String value) {
        return ParameterValidator.problem(parameter.build(), value, Optional.empty());
    }

    @Test
    void requiredParametersNeedAValueAndOthersFallBackToTheirDefault() {
        assertThat(check(Parameters.string("name").asRequired(), "")).contains("a value is required");
        assertThat(check(Parameters.string("name").defaultValue("x"), "")).isEmpty();
        assertThat(check(Parameters.of("cpu", TemplateVersionParameterType.NUMBER).defaultValue("2").range(1, 8, ""), "")).isEmpty();
    }

    @Test
    void valuesMustBeOptions() {
        Parameters region = Parameters.string("region").options("eu", "us");
        assertThat(check(region, "eu")).isEmpty();
        assertThat(check(region, "asia")).contains("value \"asia\" must be one of the options: \"eu\", \"us\"");
        Parameters ides = Parameters.of("ides", TemplateVersionParameterType.LIST_STRING).options("vscode", "vim");
        assertThat(check(ides, "[\"vim\"]")).isEmpty();
        assertThat(check(ides, "[\"vim\",\"emacs\"]")).get().asString().contains("\"emacs\"");
    }

    @Test
    void typesAreChecked() {
        assertThat(check(Parameters.of("gpu", TemplateVersionParameterType.BOOL), "yes"))
                .contains("boolean value can be either \"true\" or \"false\"");
        assertThat(check(Parameters.of("gpu", TemplateVersionParameterType.BOOL), "false")).isEmpty();
        assertThat(check(Parameters.of("cpu", TemplateVersionParameterType.NUMBER), "four")).contains("\"four\" is not a number");
        assertThat(check(Parameters.of("cpu", TemplateVersionParameterType.NUMBER), "1.5")).isEmpty();
        assertThat(check(Parameters.of("ides", TemplateVersionParameterType.LIST_STRING), "vscode")).get().asString()
                .contains("is not a valid list of strings");
    }

    @Test
    void regexIsAnUnanchoredRe2SearchWithTheTemplatesMessage() {
        Parameters name = Parameters.string("name").regex("^[a-z]+$", "Use lower-case letters, not {value}.");
        assertThat(check(name, "abc")).isEmpty();
        assertThat(check(name, "ABC")).contains("Use lower-case letters, not ABC. (value \"ABC\" does not match \"^[a-z]+$\")");
        assertThat(check(Parameters.string("name").regex("[0-9]", "A digit."), "abc1def")).isEmpty();
    }

    @Test
    void minMaxAndMonotonicOrder() {
        Parameters cpu = Parameters.of("cpu", TemplateVersionParameterType.NUMBER).range(1, 8, "");
        assertThat(check(cpu, "9")).contains("value 9 is more than the maximum 8");
        assertThat(check(cpu, "0")).contains("value 0 is less than the minimum 1");
        assertThat(check(cpu.range(1, 8, "CPU must be between {min} and {max}, not {value}."), "9"))
                .contains("CPU must be between 1 and 8, not 9.");
        TemplateVersionParameter disk = Parameters.of("disk", TemplateVersionParameterType.NUMBER)
                .monotonic(ValidationMonotonicOrder.INCREASING).build();
        assertThat(ParameterValidator.problem(disk, "10", Optional.of("20")))
                .contains("parameter value '10' must be equal or greater than previous value: 20");
        assertThat(ParameterValidator.problem(disk, "30", Optional.of("20"))).isEmpty();
    }
}
