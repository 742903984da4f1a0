package dev.jcoder.cli.workspaces.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.Terminal;
import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.TemplateVersionParameterType;
import dev.jcoder.codersdk.WorkspaceBuildParameter;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterResolverTest {
    private final StringWriter output = new StringWriter();

    private ParameterResolver answering(String answers) {
        PrintWriter out = new PrintWriter(output, true);
        Terminal terminal = Terminal.of(new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)));
        return new ParameterResolver(new ParameterPrompter(terminal, out), out);
    }

    private static List<TemplateVersionParameter> template(Parameters... parameters) {
        return java.util.Arrays.stream(parameters).map(Parameters::build).toList();
    }

    private static WorkspaceBuildParameter value(String name, String value) {
        return new WorkspaceBuildParameter(name, value);
    }

    private static ParameterSources flags(WorkspaceBuildParameter... values) {
        return new ParameterSources(List.of(), List.of(), Map.of(), List.of(values), List.of(), List.of(), Map.of(), false, false);
    }

    @Test
    void createAsksForEveryMissingParameterShowingOptionsAndDefaults() {
        List<TemplateVersionParameter> parameters = template(
                Parameters.string("region").options("eu", "us").defaultValue("eu"),
                Parameters.of("cpu", TemplateVersionParameterType.NUMBER).range(1, 8, "").defaultValue("2"),
                Parameters.of("ides", TemplateVersionParameterType.LIST_STRING).options("vscode", "vim", "emacs"),
                Parameters.of("gpu", TemplateVersionParameterType.BOOL).defaultValue("false"),
                Parameters.string("motd"));
        // region by number, cpu first out of range then valid, ides by numbers and name, gpu default, motd typed.
        List<WorkspaceBuildParameter> values = answering("2\n64\n4\n1,Emacs\n\nhello there\n")
                .resolve(BuildAction.CREATE, parameters, ParameterSources.none());
        assertThat(values).containsExactly(value("region", "us"), value("cpu", "4"), value("ides", "[\"vscode\",\"emacs\"]"),
                value("gpu", "false"), value("motd", "hello there"));
        assertThat(output.toString())
                .contains("region", "The region.", "1. EU", "2. US", "Choose 1-2 or type a value: (eu)")
                .contains("Invalid value for cpu: value 64 is more than the maximum 8.")
                .contains("Choose one or more of 1-3");
    }

    @Test
    void givenValuesAreNotAskedForAndPresetsWinOverFlagsOverFilesOverThePreviousBuild() {
        List<TemplateVersionParameter> parameters = template(Parameters.string("a"), Parameters.string("b"),
                Parameters.string("c"), Parameters.string("d"));
        ParameterSources sources = new ParameterSources(
                List.of(value("a", "last"), value("b", "last"), value("c", "last"), value("d", "last")), List.of(),
                Map.of("b", "file", "c", "file", "d", "file"), List.of(value("c", "flag"), value("d", "flag")), List.of(),
                List.of(value("d", "preset")), Map.of(), false, false);
        assertThat(answering("").resolve(BuildAction.START, parameters, sources))
                .containsExactly(value("a", "last"), value("b", "file"), value("c", "flag"), value("d", "preset"));
    }

    @Test
    void withoutAnswersDefaultsAreTakenAndAParameterWithoutOneIsNamed() {
        List<TemplateVersionParameter> parameters = template(Parameters.string("region").defaultValue("eu"),
                Parameters.string("project").asRequired());
        assertThatThrownBy(() -> answering("").resolve(BuildAction.CREATE, parameters, ParameterSources.none()))
                .isInstanceOf(CliException.class)
                .hasMessage("Parameter \"project\" needs a value: pass --parameter project=<value> or a --rich-parameter-file, "
                        + "or run the command in a terminal to be asked.");
        assertThat(output.toString()).contains("Using the default value for region: 'eu'");
        assertThat(answering("").resolve(BuildAction.CREATE, parameters, flags(value("project", "jcoder"))))
                .containsExactly(value("region", "eu"), value("project", "jcoder"));
    }

    @Test
    void parameterDefaultsReplaceTheTemplatesInPrompts() {
        ParameterSources sources = new ParameterSources(List.of(), List.of(), Map.of(), List.of(), List.of(), List.of(),
                Map.of("region", "us"), false, false);
        assertThat(answering("\n").resolve(BuildAction.CREATE, template(Parameters.string("region").defaultValue("eu")), sources))
                .containsExactly(value("region", "us"));
    }

    @Test
    void givenValuesAreCheckedBeforeAnythingIsSent() {
        List<TemplateVersionParameter> parameters = template(Parameters.string("region").options("eu", "us"),
                Parameters.string("zone").immutable(), Parameters.string("debug").asEphemeral());
        assertThatThrownBy(() -> answering("").resolve(BuildAction.CREATE, parameters, flags(value("regoin", "eu"))))
                .hasMessage("Parameter \"regoin\" is not present in the template. Did you mean: region?");
        assertThatThrownBy(() -> answering("").resolve(BuildAction.CREATE, parameters, flags(value("region", "asia"))))
                .hasMessage("Invalid value for parameter \"region\": value \"asia\" must be one of the options: \"eu\", \"us\".");
        assertThatThrownBy(() -> answering("").resolve(BuildAction.START, parameters, flags(value("debug", "1"))))
                .hasMessageContaining("Ephemeral parameter \"debug\" can be used only with --prompt-ephemeral-parameters or --ephemeral-parameter");
        ParameterSources changeImmutable = flags(value("zone", "b")).withLastBuild(List.of(value("region", "eu"), value("zone", "a")));
        assertThatThrownBy(() -> answering("").resolve(BuildAction.UPDATE, parameters, changeImmutable))
                .hasMessage("Parameter \"zone\" is immutable and cannot be updated.");
    }

    @Test
    void updateAsksOnlyForNewAndNoLongerValidParameters() {
        List<TemplateVersionParameter> parameters = template(Parameters.string("region").options("eu", "us"),
                Parameters.string("zone").immutable(), Parameters.string("size").options("s", "m").defaultValue("m"),
                Parameters.string("added").immutable().defaultValue("x"), Parameters.string("debug").asEphemeral());
        ParameterSources sources = ParameterSources.none()
                .withLastBuild(List.of(value("region", "eu"), value("zone", "a"), value("size", "xl")));
        // size's previous value is no longer an option: asked (answer m); added is new and immutable: asked (answer y).
        assertThat(answering("m\ny\n").resolve(BuildAction.UPDATE, parameters, sources))
                .containsExactly(value("region", "eu"), value("size", "m"), value("added", "y"));
        assertThat(output.toString()).contains("Parameter \"zone\" is not mutable, and cannot be customized after workspace creation.");
    }

    @Test
    void alwaysPromptAsksForMutableValuesAgainAndEphemeralOnesOnlyWhenAskedTo() {
        List<TemplateVersionParameter> parameters = template(Parameters.string("region").defaultValue("eu"),
                Parameters.string("debug").asEphemeral());
        ParameterSources sources = ParameterSources.none().withLastBuild(List.of(value("region", "us"))).withAlwaysPrompt(true);
        assertThat(answering("asia\n").resolve(BuildAction.START, parameters, sources)).containsExactly(value("region", "asia"));
        ParameterSources ephemeral = new ParameterSources(List.of(), List.of(), Map.of(), List.of(), List.of(), List.of(),
                Map.of(), false, true);
        assertThat(answering("on\n").resolve(BuildAction.START, parameters, ephemeral)).containsExactly(value("debug", "on"));
        ParameterSources given = new ParameterSources(List.of(), List.of(), Map.of(), List.of(), List.of(value("debug", "yes")),
                List.of(), Map.of(), false, false);
        assertThat(answering("").resolve(BuildAction.START, parameters, given)).containsExactly(value("debug", "yes"));
    }
}
