package dev.jcoder.cli.workspaces.parameters;

import dev.jcoder.codersdk.WorkspaceBuildParameter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Values for ephemeral parameters ("build options"): they apply to one build only. Coder's
 * {@code --build-option}/{@code --build-options} are the older names of
 * {@code --ephemeral-parameter}/{@code --prompt-ephemeral-parameters}.
 */
public final class BuildOptions {
    @Option(names = "--ephemeral-parameter", paramLabel = "<name=value>",
            description = "Set the value of ephemeral parameters defined in the template. The format is \"name=value\". "
                    + "Env: $CODER_EPHEMERAL_PARAMETER.")
    List<String> ephemeralParameters = new ArrayList<>();

    @Option(names = "--build-option", paramLabel = "<name=value>",
            description = "Build option value in the format \"name=value\". Env: $CODER_BUILD_OPTION.")
    List<String> buildOptionValues = new ArrayList<>();

    @Option(names = "--prompt-ephemeral-parameters", defaultValue = "${env:CODER_PROMPT_EPHEMERAL_PARAMETERS:-false}",
            description = "Prompt to set values of ephemeral parameters defined in the template. If a value has been set via "
                    + "--ephemeral-parameter, it will not be prompted for. Env: $CODER_PROMPT_EPHEMERAL_PARAMETERS.")
    boolean promptEphemeralParameters;

    @Option(names = "--build-options", description = "Prompt for one-time build options defined with ephemeral parameters.")
    boolean promptBuildOptions;

    List<WorkspaceBuildParameter> ephemeralParameters() {
        List<String> values = new ArrayList<>(ephemeralParameters);
        values.addAll(buildOptionValues);
        if (values.isEmpty()) {
            values.addAll(NameValuePairs.fromEnvironment(System.getenv("CODER_EPHEMERAL_PARAMETER")));
            values.addAll(NameValuePairs.fromEnvironment(System.getenv("CODER_BUILD_OPTION")));
        }
        return NameValuePairs.parse(values, "--ephemeral-parameter");
    }

    boolean promptEphemeral() {
        return promptEphemeralParameters || promptBuildOptions;
    }
}
