package dev.jcoder.cli.workspaces.parameters;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.Style;
import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.TemplateVersionParameterOption;
import dev.jcoder.codersdk.TemplateVersionParameterType;
import dev.jcoder.codersdk.WorkspaceBuildParameter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides a build's rich parameter values as Coder's CLI does: layers the {@link ParameterSources},
 * checks what was given (known names, ephemeral parameters only as build options, immutable ones
 * unchanged, each value valid), then asks for what is still missing (what depends on the
 * {@link BuildAction}). The result lists values in the template's parameter order.
 */
public final class ParameterResolver {
    private final ParameterPrompter prompter;
    private final PrintWriter out;

    public ParameterResolver(ParameterPrompter prompter, PrintWriter out) {
        this.prompter = prompter;
        this.out = out;
    }

    public List<WorkspaceBuildParameter> resolve(BuildAction action, List<TemplateVersionParameter> parameters,
            ParameterSources sources) {
        Map<String, TemplateVersionParameter> byName = new LinkedHashMap<>();
        parameters.forEach(parameter -> byName.put(parameter.name(), parameter));
        Map<String, String> previous = new LinkedHashMap<>();
        sources.lastBuild().forEach(value -> previous.put(value.name(), value.value()));

        Map<String, String> staged = new LinkedHashMap<>();
        if (!sources.alwaysPrompt()) {
            for (WorkspaceBuildParameter value : sources.lastBuild()) {
                TemplateVersionParameter parameter = byName.get(value.name());
                // Ephemeral values are for one build; immutable ones stay as they are without being sent again.
                if (parameter != null && !parameter.ephemeral() && parameter.mutable() && validOption(parameter, value.value())) {
                    staged.put(value.name(), value.value());
                }
            }
        }
        for (WorkspaceBuildParameter value : sources.sourceWorkspace()) {
            TemplateVersionParameter parameter = byName.get(value.name());
            if (parameter != null && !parameter.ephemeral()) {
                staged.put(value.name(), value.value());
            }
        }
        Set<String> given = new java.util.LinkedHashSet<>();
        sources.file().forEach((name, value) -> {
            staged.put(name, value);
            given.add(name);
        });
        for (WorkspaceBuildParameter value : sources.flags()) {
            staged.put(value.name(), value.value());
            given.add(value.name());
        }
        Set<String> ephemeralGiven = new java.util.HashSet<>();
        for (WorkspaceBuildParameter value : sources.ephemeral()) {
            staged.put(value.name(), value.value());
            given.add(value.name());
            ephemeralGiven.add(value.name());
        }
        for (WorkspaceBuildParameter value : sources.preset()) {
            staged.put(value.name(), value.value());
            given.add(value.name());
        }

        for (String name : given) {
            TemplateVersionParameter parameter = byName.get(name);
            if (parameter == null) {
                throw new CliException(notInTemplate(name, byName.keySet()));
            }
            if (parameter.ephemeral() && !sources.promptEphemeral() && !ephemeralGiven.contains(name)) {
                throw new CliException("Ephemeral parameter \"" + name
                        + "\" can be used only with --prompt-ephemeral-parameters or --ephemeral-parameter.");
            }
            String before = previous.get(name);
            if (!parameter.mutable() && action != BuildAction.CREATE && before != null && !before.equals(staged.get(name))) {
                throw new CliException("Parameter \"" + name + "\" is immutable and cannot be updated.");
            }
            Optional<String> problem = ParameterValidator.problem(parameter, staged.get(name), Optional.ofNullable(before));
            if (problem.isPresent()) {
                throw new CliException("Invalid value for parameter \"" + name + "\": " + problem.get() + ".");
            }
        }

        for (TemplateVersionParameter parameter : parameters) {
            if (staged.containsKey(parameter.name())) {
                continue;
            }
            boolean firstTimeUse = !previous.containsKey(parameter.name());
            boolean previousInvalid = previous.containsKey(parameter.name())
                    && !validOption(parameter, previous.get(parameter.name()));
            boolean ask = parameter.ephemeral() && sources.promptEphemeral()
                    || action == BuildAction.CREATE && !parameter.ephemeral()
                    || action == BuildAction.UPDATE && previousInvalid
                    || action == BuildAction.UPDATE && parameter.mutable() && parameter.required() && !parameter.ephemeral()
                    || action == BuildAction.UPDATE && !parameter.mutable() && firstTimeUse
                    || parameter.mutable() && !parameter.ephemeral() && sources.alwaysPrompt();
            if (ask) {
                String defaultValue = sources.defaults().getOrDefault(parameter.name(),
                        parameter.defaultValue() == null ? "" : parameter.defaultValue());
                staged.put(parameter.name(), prompter.ask(parameter, defaultValue, Optional.ofNullable(previous.get(parameter.name()))));
            } else if (action == BuildAction.UPDATE && !parameter.mutable() && !firstTimeUse) {
                out.println(Style.faint("Parameter \"" + parameter.name()
                        + "\" is not mutable, and cannot be customized after workspace creation."));
                out.flush();
            }
        }

        List<WorkspaceBuildParameter> resolved = new ArrayList<>();
        for (TemplateVersionParameter parameter : parameters) {
            if (staged.containsKey(parameter.name())) {
                resolved.add(new WorkspaceBuildParameter(parameter.name(), staged.get(parameter.name())));
            }
        }
        return resolved;
    }

    /** True when the value is one of the parameter's options (every element, for lists), or it has none. */
    private static boolean validOption(TemplateVersionParameter parameter, String value) {
        if (parameter.options().isEmpty()) {
            return true;
        }
        List<String> allowed = parameter.options().stream().map(TemplateVersionParameterOption::value).toList();
        if (parameter.type() == TemplateVersionParameterType.LIST_STRING) {
            return ParameterValidator.stringList(value).map(allowed::containsAll).orElse(false);
        }
        return allowed.contains(value);
    }

    private static String notInTemplate(String name, Set<String> known) {
        String message = "Parameter \"" + name + "\" is not present in the template.";
        int maxDistance = name.length() / 2;
        List<String> close = known.stream().filter(candidate -> distance(name, candidate) <= maxDistance)
                .sorted(Comparator.comparingInt(candidate -> distance(name, candidate))).toList();
        return close.isEmpty() ? message : message + " Did you mean: " + close.stream().collect(Collectors.joining(", ")) + "?";
    }

    /** Levenshtein distance, for "did you mean" suggestions. */
    static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
