package dev.jcoder.provisionerd.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.provisionerd.TemplateVariable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the {@code variable} blocks of a template's root module ({@code *.tf} in HCL native syntax and
 * {@code *.tf.json}) without running Terraform, because an import must report them, and get their
 * values, before the first plan. Only what Coder records is read: {@code type} (as written, e.g.
 * {@code list(string)}), {@code default} (a string as it is, other values as JSON), {@code description},
 * {@code sensitive}; a variable without {@code default} is required. Files are read in name order,
 * blocks in file order.
 */
final class VariableDeclarations {
    private VariableDeclarations() {}

    static List<TemplateVariable> read(Path directory) throws IOException, InvalidTemplateException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".tf")
                            || file.getFileName().toString().endsWith(".tf.json"))
                    .sorted().toList();
        }
        List<TemplateVariable> variables = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text = Files.readString(file);
            try {
                variables.addAll(name.endsWith(".json") ? fromJson(text) : new HclReader(text).variables());
            } catch (IllegalStateException | IOException e) {
                throw new InvalidTemplateException("Cannot read the variables of " + name + ": " + e.getMessage());
            }
        }
        return variables;
    }

    private static List<TemplateVariable> fromJson(String text) throws IOException {
        List<TemplateVariable> variables = new ArrayList<>();
        JsonNode blocks = Json.mapper().readTree(text).path("variable");
        for (Map.Entry<String, JsonNode> entry : blocks.properties()) {
            JsonNode body = entry.getValue();
            boolean hasDefault = body.has("default");
            JsonNode value = body.path("default");
            String defaultValue = !hasDefault || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
            variables.add(new TemplateVariable(entry.getKey(), body.path("description").asText(""),
                    body.path("type").asText("").replace("${", "").replace("}", ""), defaultValue, !hasDefault,
                    body.path("sensitive").asBoolean(false)));
        }
        return variables;
    }

    /** A small HCL reader: enough of the native syntax to find variable blocks and their literals. */
    static final class HclReader {
        private final String text;
        private int position;

        HclReader(String text) {
            this.text = text;
        }

        List<TemplateVariable> variables() {
            List<TemplateVariable> variables = new ArrayList<>();
            while (true) {
                skipSpace(true);
                if (position >= text.length()) {
                    return variables;
                }
                String type = identifier();
                skipSpace(false);
                if (peek() == '=') {
                    position++;
                    skipExpression();
                    continue;
                }
                List<String> labels = new ArrayList<>();
                while (peek() != '{') {
                    if (peek() == '"') {
                        labels.add((String) stringLiteral());
                    } else {
                        labels.add(identifier());
                    }
                    skipSpace(false);
                }
                position++;
                if (type.equals("variable") && labels.size() == 1) {
                    variables.add(variable(labels.getFirst()));
                } else {
                    skipBody();
                }
            }
        }

        /** Top-level blocks with their labels and body text (without the braces); attributes skipped. */
        List<ConfigurationBlocks.Block> blocks() {
            List<ConfigurationBlocks.Block> blocks = new ArrayList<>();
            while (true) {
                skipSpace(true);
                if (position >= text.length()) {
                    return blocks;
                }
                String type = identifier();
                skipSpace(false);
                if (peek() == '=') {
                    position++;
                    skipExpression();
                    continue;
                }
                List<String> labels = new ArrayList<>();
                while (peek() != '{') {
                    if (position >= text.length()) {
                        throw new IllegalStateException("unterminated block header");
                    }
                    labels.add(peek() == '"' ? (String) stringLiteral() : identifier());
                    skipSpace(false);
                }
                position++;
                int start = position;
                skipBody();
                blocks.add(new ConfigurationBlocks.Block(type, labels, text.substring(start, position - 1)));
            }
        }

        /** The attributes of a body as literals (a non-constant expression as its text). */
        Map<String, Object> attributes() {
            Map<String, Object> attributes = new LinkedHashMap<>();
            while (true) {
                skipSpace(true);
                if (position >= text.length()) {
                    return attributes;
                }
                String name = identifier();
                skipSpace(false);
                if (peek() != '=') {
                    while (position < text.length() && peek() != '{') {
                        position++;
                    }
                    position++;
                    skipBody();
                    continue;
                }
                position++;
                attributes.put(name, literal());
                skipSpace(false);
                if (peek() == '\n' || peek() == ',') {
                    position++;
                }
            }
        }

        private TemplateVariable variable(String name) {
            String type = "";
            String description = "";
            boolean sensitive = false;
            boolean hasDefault = false;
            String defaultValue = "";
            while (true) {
                skipSpace(true);
                if (peek() == '}') {
                    position++;
                    break;
                }
                String attribute = identifier();
                skipSpace(false);
                if (peek() != '=') {
                    // a nested block such as validation { ... }
                    while (peek() != '{') {
                        position++;
                    }
                    position++;
                    skipBody();
                    continue;
                }
                position++;
                skipSpace(false);
                int start = position;
                switch (attribute) {
                    case "type" -> {
                        skipExpression();
                        type = text.substring(start, position).replaceAll("\\s+", "");
                    }
                    case "default" -> {
                        hasDefault = true;
                        Object value = literal();
                        defaultValue = switch (value) {
                            case null -> "";
                            case String string -> string;
                            case BigDecimal number -> number.toPlainString();
                            default -> json(value);
                        };
                    }
                    case "description" -> description = String.valueOf(literal());
                    case "sensitive" -> sensitive = Boolean.TRUE.equals(literal());
                    default -> skipExpression();
                }
            }
            return new TemplateVariable(name, description, type, defaultValue, !hasDefault, sensitive);
        }

        private static String json(Object value) {
            try {
                return Json.mapper().writeValueAsString(value);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage());
            }
        }

        /** A constant expression: string, heredoc, number, bool, null, list or object of those. */
        private Object literal() {
            skipSpace(false);
            char c = peek();
            if (c == '"') {
                return stringLiteral();
            }
            if (c == '<' && text.startsWith("<<", position)) {
                return heredoc();
            }
            if (c == '[') {
                position++;
                List<Object> list = new ArrayList<>();
                while (true) {
                    skipSpace(true);
                    if (peek() == ']') {
                        position++;
                        return list;
                    }
                    list.add(literal());
                    skipSpace(true);
                    if (peek() == ',') {
                        position++;
                    }
                }
            }
            if (c == '{') {
                position++;
                Map<String, Object> object = new LinkedHashMap<>();
                while (true) {
                    skipSpace(true);
                    if (peek() == '}') {
                        position++;
                        return object;
                    }
                    String key = peek() == '"' ? (String) stringLiteral() : identifier();
                    skipSpace(false);
                    if (peek() != '=' && peek() != ':') {
                        throw new IllegalStateException("expected \"=\" after object key \"" + key + "\"");
                    }
                    position++;
                    object.put(key, literal());
                    skipSpace(true);
                    if (peek() == ',') {
                        position++;
                    }
                }
            }
            if (c == '-' || Character.isDigit(c)) {
                int start = position++;
                while (position < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '.'
                        || ((peek() == '-' || peek() == '+') && (text.charAt(position - 1) | 0x20) == 'e'))) {
                    position++;
                }
                return new BigDecimal(text.substring(start, position));
            }
            int start = position;
            String word = identifier();
            return switch (word) {
                case "true" -> true;
                case "false" -> false;
                case "null" -> null;
                default -> {
                    position = start;
                    skipExpression();
                    yield text.substring(start, position).strip();
                }
            };
        }

        private Object stringLiteral() {
            position++;
            StringBuilder value = new StringBuilder();
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && position < text.length()) {
                    char escaped = text.charAt(position++);
                    switch (escaped) {
                        case 'n' -> value.append('\n');
                        case 't' -> value.append('\t');
                        case 'r' -> value.append('\r');
                        case 'u' -> {
                            value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                            position += 4;
                        }
                        default -> value.append(escaped);
                    }
                } else if ((c == '$' || c == '%') && text.startsWith(c + "{", position)) {
                    // "$${" and "%%{" are escapes for a literal "${" and "%{".
                    value.append(c).append('{');
                    position += 2;
                } else if ((c == '$' || c == '%') && text.startsWith("{", position)) {
                    // A template sequence: keep it as written.
                    int end = matching(position);
                    value.append(c).append(text, position, end + 1);
                    position = end + 1;
                } else {
                    value.append(c);
                }
            }
            throw new IllegalStateException("unterminated string");
        }

        private String heredoc() {
            position += 2;
            boolean indented = peek() == '-';
            if (indented) {
                position++;
            }
            int lineEnd = text.indexOf('\n', position);
            String marker = text.substring(position, lineEnd).strip();
            position = lineEnd + 1;
            List<String> lines = new ArrayList<>();
            while (position < text.length()) {
                int end = text.indexOf('\n', position);
                String line = text.substring(position, end < 0 ? text.length() : end);
                position = end < 0 ? text.length() : end + 1;
                if (line.strip().equals(marker)) {
                    break;
                }
                lines.add(line);
            }
            if (indented) {
                int indent = lines.stream().filter(line -> !line.isBlank())
                        .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
                lines = lines.stream().map(line -> line.length() >= indent ? line.substring(indent) : line.strip()).toList();
            }
            return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        }

        private int matching(int open) {
            int depth = 0;
            for (int i = open; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return i;
                }
            }
            throw new IllegalStateException("unterminated template sequence");
        }

        private String identifier() {
            int start = position;
            while (position < text.length()
                    && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-' || peek() == '.')) {
                position++;
            }
            if (start == position) {
                throw new IllegalStateException("unexpected \"" + peek() + "\" at offset " + position);
            }
            return text.substring(start, position);
        }

        /** Skips an attribute's expression: up to a newline or closing brace outside brackets and strings. */
        private void skipExpression() {
            int depth = 0;
            while (position < text.length()) {
                char c = peek();
                if (c == '"') {
                    stringLiteral();
                    continue;
                }
                if (c == '<' && text.startsWith("<<", position)) {
                    heredoc();
                    if (depth == 0) {
                        return;
                    }
                    continue;
                }
                if (c == '#' || (c == '/' && (text.startsWith("//", position) || text.startsWith("/*", position)))) {
                    skipComment();
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                } else if (c == '\n' && depth == 0) {
                    return;
                }
                position++;
            }
        }

        /** Skips a block body after its opening brace, through the closing one. */
        private void skipBody() {
            while (true) {
                skipSpace(true);
                if (position >= text.length()) {
                    throw new IllegalStateException("unterminated block");
                }
                if (peek() == '}') {
                    position++;
                    return;
                }
                if (peek() == '{') {
                    position++;
                    skipBody();
                    continue;
                }
                skipExpression();
                if (peek() == '{') {
                    position++;
                    skipBody();
                } else if (peek() == '\n' || peek() == ')' || peek() == ']') {
                    position++;
                }
            }
        }

        private void skipSpace(boolean newlines) {
            while (position < text.length()) {
                char c = peek();
                if (c == '#' || (c == '/' && (text.startsWith("//", position) || text.startsWith("/*", position)))) {
                    skipComment();
                } else if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
                    position++;
                } else {
                    return;
                }
            }
        }

        private void skipComment() {
            if (text.startsWith("/*", position)) {
                int end = text.indexOf("*/", position + 2);
                position = end < 0 ? text.length() : end + 2;
            } else {
                int end = text.indexOf('\n', position);
                position = end < 0 ? text.length() : end;
            }
        }

        private char peek() {
            return position < text.length() ? text.charAt(position) : '\0';
        }
    }
}
