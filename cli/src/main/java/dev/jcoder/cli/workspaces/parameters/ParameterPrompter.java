package dev.jcoder.cli.workspaces.parameters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcoder.cli.CliException;
import dev.jcoder.cli.Style;
import dev.jcoder.cli.Terminal;
import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.TemplateVersionParameterOption;
import dev.jcoder.codersdk.TemplateVersionParameterType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks for one parameter's value: shows its name, description and numbered options, offers the
 * default, and asks again until the answer passes {@link ParameterValidator}. Options can be
 * chosen by number, value or name; lists are typed as {@code a, b} or JSON. When no more answers
 * can be read (a script, a closed standard input) the default is taken, and a parameter without
 * one is an error that names it and the flags that can set it.
 */
public final class ParameterPrompter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Terminal terminal;
    private final PrintWriter out;

    public ParameterPrompter(Terminal terminal, PrintWriter out) {
        this.terminal = terminal;
        this.out = out;
    }

    public String ask(TemplateVersionParameter parameter, String defaultValue, Optional<String> previous) {
        describe(parameter);
        while (true) {
            String answer;
            try {
                answer = terminal.prompt(out, question(parameter), defaultValue);
            } catch (CliException noMoreInput) {
                return fallback(parameter, defaultValue, previous);
            }
            String value = interpret(parameter, answer);
            Optional<String> problem = ParameterValidator.problem(parameter, value, previous);
            if (problem.isEmpty()) {
                out.println();
                return value;
            }
            out.println(Style.error("Invalid value for " + title(parameter) + ": " + problem.get() + "."));
            out.flush();
        }
    }

    private String fallback(TemplateVersionParameter parameter, String defaultValue, Optional<String> previous) {
        if (!defaultValue.isEmpty() && ParameterValidator.problem(parameter, defaultValue, previous).isEmpty()) {
            out.println("Using the default value for " + title(parameter) + ": '" + defaultValue + "'");
            out.flush();
            return defaultValue;
        }
        throw new CliException("Parameter \"" + parameter.name() + "\" needs a value: pass --parameter "
                + parameter.name() + "=<value> or a --rich-parameter-file, or run the command in a terminal to be asked.");
    }

    private void describe(TemplateVersionParameter parameter) {
        StringBuilder heading = new StringBuilder(Style.bold(title(parameter)));
        if (parameter.displayName() != null && !parameter.displayName().isEmpty() && !parameter.displayName().equals(parameter.name())) {
            heading.append(Style.faint(" (" + parameter.name() + ")"));
        }
        if (parameter.ephemeral()) {
            heading.append(Style.faint(" [build option]"));
        } else if (!parameter.mutable()) {
            heading.append(Style.faint(" [cannot be changed after the workspace is created]"));
        }
        out.println(heading);
        String description = parameter.descriptionPlaintext() != null && !parameter.descriptionPlaintext().isBlank()
                ? parameter.descriptionPlaintext() : parameter.description();
        if (description != null && !description.isBlank()) {
            description.strip().lines().forEach(line -> out.println("  " + line));
        }
        List<TemplateVersionParameterOption> options = parameter.options();
        for (int i = 0; i < options.size(); i++) {
            TemplateVersionParameterOption option = options.get(i);
            StringBuilder line = new StringBuilder("  " + (i + 1) + ". " + option.name());
            if (!option.value().equals(option.name())) {
                line.append(Style.faint(" (" + option.value() + ")"));
            }
            if (option.description() != null && !option.description().isBlank()) {
                line.append(" - ").append(option.description().strip());
            }
            out.println(line);
        }
        out.flush();
    }

    private static String question(TemplateVersionParameter parameter) {
        int count = parameter.options().size();
        return switch (parameter.type()) {
            case LIST_STRING -> count > 0 ? "Choose one or more of 1-" + count + " (e.g. 1,2):"
                    : "Enter values separated by commas (or a JSON list):";
            case BOOL -> count > 0 ? "Choose 1-" + count + " or type true or false:" : "Enter true or false:";
            case NUMBER -> count > 0 ? "Choose 1-" + count + " or type a number:" : "Enter a number:";
            case STRING -> count > 0 ? "Choose 1-" + count + " or type a value:" : "Enter a value:";
        };
    }

    /** Turns an answer into the parameter's wire value: option numbers and names become option values, lists JSON. */
    static String interpret(TemplateVersionParameter parameter, String answer) {
        String text = answer.strip();
        if (parameter.type() == TemplateVersionParameterType.LIST_STRING) {
            if (text.isEmpty() || text.startsWith("[")) {
                return text;
            }
            List<String> values = new ArrayList<>();
            for (String element : text.split(",")) {
                if (!element.isBlank()) {
                    values.add(option(parameter, element.strip()));
                }
            }
            try {
                return JSON.writeValueAsString(values);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write a list as JSON.", e);
            }
        }
        String value = option(parameter, text);
        if (parameter.type() == TemplateVersionParameterType.BOOL) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y" -> "true";
                case "false", "no", "n" -> "false";
                default -> value;
            };
        }
        return value;
    }

    private static String option(TemplateVersionParameter parameter, String text) {
        List<TemplateVersionParameterOption> options = parameter.options();
        if (text.matches("\\d{1,4}")) {
            int index = Integer.parseInt(text);
            boolean isValue = options.stream().anyMatch(option -> option.value().equals(text));
            if (!isValue && index >= 1 && index <= options.size()) {
                return options.get(index - 1).value();
            }
        }
        return options.stream().filter(option -> option.value().equals(text)).findFirst()
                .or(() -> options.stream().filter(option -> option.name().equalsIgnoreCase(text)).findFirst())
                .map(TemplateVersionParameterOption::value).orElse(text);
    }

    static String title(TemplateVersionParameter parameter) {
        return parameter.displayName() != null && !parameter.displayName().isEmpty() ? parameter.displayName() : parameter.name();
    }
}
