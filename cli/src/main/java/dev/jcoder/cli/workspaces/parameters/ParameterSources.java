package dev.jcoder.cli.workspaces.parameters;

import dev.jcoder.codersdk.WorkspaceBuildParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a build's parameter values can come from, lowest precedence first: the previous build
 * ({@code lastBuild}, unless {@code alwaysPrompt}), the workspace named by
 * {@code --copy-parameters-from}, the rich parameter file, {@code --parameter} and
 * {@code --ephemeral-parameter}, and the chosen preset, whose values win as in Coder.
 * {@code defaults} ({@code --parameter-default}) replace the template's defaults in prompts.
 */
public record ParameterSources(
        List<WorkspaceBuildParameter> lastBuild,
        List<WorkspaceBuildParameter> sourceWorkspace,
        Map<String, String> file,
        List<WorkspaceBuildParameter> flags,
        List<WorkspaceBuildParameter> ephemeral,
        List<WorkspaceBuildParameter> preset,
        Map<String, String> defaults,
        boolean alwaysPrompt,
        boolean promptEphemeral) {
    public ParameterSources {
        lastBuild = List.copyOf(lastBuild);
        sourceWorkspace = List.copyOf(sourceWorkspace);
        file = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(file));
        flags = List.copyOf(flags);
        ephemeral = List.copyOf(ephemeral);
        preset = List.copyOf(preset);
        defaults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    }

    public static ParameterSources none() {
        return new ParameterSources(List.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), Map.of(), false, false);
    }

    public ParameterSources withLastBuild(List<WorkspaceBuildParameter> values) {
        return new ParameterSources(values, sourceWorkspace, file, flags, ephemeral, preset, defaults, alwaysPrompt, promptEphemeral);
    }

    public ParameterSources withSourceWorkspace(List<WorkspaceBuildParameter> values) {
        return new ParameterSources(lastBuild, values, file, flags, ephemeral, preset, defaults, alwaysPrompt, promptEphemeral);
    }

    public ParameterSources withPreset(List<WorkspaceBuildParameter> values) {
        return new ParameterSources(lastBuild, sourceWorkspace, file, flags, ephemeral, values, defaults, alwaysPrompt, promptEphemeral);
    }

    public ParameterSources withAlwaysPrompt(boolean value) {
        return new ParameterSources(lastBuild, sourceWorkspace, file, flags, ephemeral, preset, defaults, value, promptEphemeral);
    }
}
