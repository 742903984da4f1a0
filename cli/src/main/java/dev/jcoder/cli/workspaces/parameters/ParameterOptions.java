package dev.jcoder.cli.workspaces.parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Coder's rich parameter flags of {@code create}, {@code start}, {@code restart} and
 * {@code update}: {@code --parameter}, {@code --rich-parameter-file} and {@code --parameter-default},
 * with their {@code CODER_*} environment variables (lists comma-separated).
 */
public final class ParameterOptions {
    @Option(names = "--parameter", paramLabel = "<name=value>",
            description = "Rich parameter value in the format \"name=value\". Env: $CODER_RICH_PARAMETER.")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--rich-parameter-file", paramLabel = "<path>", defaultValue = "${env:CODER_RICH_PARAMETER_FILE}",
            description = "Specify a file path with values for rich parameters defined in the template. The file should be in "
                    + "YAML format, containing key-value pairs for the parameters. Env: $CODER_RICH_PARAMETER_FILE.")
    Path richParameterFile;

    @Option(names = "--parameter-default", paramLabel = "<name=value>",
            description = "Rich parameter default values in the format \"name=value\". Env: $CODER_RICH_PARAMETER_DEFAULT.")
    List<String> parameterDefaults = new ArrayList<>();

    /** The values these flags (and {@code build}'s) give; the previous build, source workspace and preset are added by the command. */
    public ParameterSources sources(BuildOptions build, boolean alwaysPrompt) {
        Map<String, String> file = richParameterFile == null || richParameterFile.toString().isBlank() ? Map.of()
                : ParameterFile.read(richParameterFile);
        List<String> given = parameters.isEmpty() ? NameValuePairs.fromEnvironment(System.getenv("CODER_RICH_PARAMETER")) : parameters;
        List<String> defaultsGiven = parameterDefaults.isEmpty()
                ? NameValuePairs.fromEnvironment(System.getenv("CODER_RICH_PARAMETER_DEFAULT")) : parameterDefaults;
        Map<String, String> defaults = new LinkedHashMap<>();
        NameValuePairs.parse(defaultsGiven, "--parameter-default").forEach(pair -> defaults.put(pair.name(), pair.value()));
        return new ParameterSources(List.of(), List.of(), file, NameValuePairs.parse(given, "--parameter"),
                build == null ? List.of() : build.ephemeralParameters(), List.of(), defaults, alwaysPrompt,
                build != null && build.promptEphemeral());
    }
}
