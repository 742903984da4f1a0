package dev.jcoder.provisionerd.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.provisionerd.Timing;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads Terraform's machine-readable UI ({@code -json}: one JSON object per line) of one command:
 * every message becomes log lines at its {@code @level}, diagnostics add their detail, resource hooks
 * ({@code apply_start}/{@code apply_complete}/{@code apply_errored}, {@code refresh_*}) become
 * {@link Timing}s of {@code stage}, and error diagnostics are kept for the job's error message.
 * Lines that are not JSON (plain output of old commands) are logged as they are.
 */
final class MachineReadableOutput {
    /** Where log lines go: level and text. */
    interface LogSink {
        void log(LogLevel level, String line);
    }

    private final LogSink sink;
    private final String stage;
    private final Supplier<Instant> clock;
    private final Map<String, Instant> started = new HashMap<>();
    private final List<Timing> timings = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    MachineReadableOutput(LogSink sink, String stage, Supplier<Instant> clock) {
        this.sink = sink;
        this.stage = stage;
        this.clock = clock;
    }

    synchronized void stdout(String line) {
        if (line.isBlank()) {
            return;
        }
        JsonNode message;
        try {
            message = line.startsWith("{") ? Json.mapper().readTree(line) : null;
        } catch (IOException e) {
            message = null;
        }
        if (message == null || !message.isObject()) {
            sink.log(LogLevel.INFO, line);
            return;
        }
        LogLevel level = level(message.path("@level").asText("info"));
        String type = message.path("type").asText("");
        String text = message.path("@message").asText("");
        if (type.equals("diagnostic")) {
            JsonNode diagnostic = message.path("diagnostic");
            String detail = diagnostic.path("detail").asText("");
            if (diagnostic.path("severity").asText().equals("error")) {
                String summary = diagnostic.path("summary").asText(text);
                errors.add(detail.isEmpty() ? summary : summary + ": " + detail);
            }
            emit(level, text);
            emit(level, detail);
            return;
        }
        hook(type, message);
        emit(level, text);
    }

    synchronized void stderr(String line) {
        if (!line.isBlank()) {
            sink.log(LogLevel.WARN, line);
        }
    }

    private void emit(LogLevel level, String text) {
        if (text.isEmpty()) {
            return;
        }
        for (String line : text.split("\n", -1)) {
            sink.log(level, line);
        }
    }

    private void hook(String type, JsonNode message) {
        JsonNode hook = message.path("hook");
        JsonNode resource = hook.path("resource");
        String address = resource.path("addr").asText("");
        if (address.isEmpty()) {
            return;
        }
        Instant at = timestamp(message);
        switch (type) {
            case "apply_start", "refresh_start" -> started.put(type.substring(0, type.indexOf('_')) + address, at);
            case "apply_complete", "apply_errored", "refresh_complete" -> {
                Instant begin = started.remove(type.substring(0, type.indexOf('_')) + address);
                if (begin != null) {
                    String action = type.startsWith("refresh") ? "state refresh" : hook.path("action").asText("");
                    timings.add(new Timing(begin, at, stage, resource.path("implied_provider").asText(""), action,
                            address));
                }
            }
            default -> {
                // other messages carry no resource timing
            }
        }
    }

    private Instant timestamp(JsonNode message) {
        try {
            return Instant.parse(message.path("@timestamp").asText(""));
        } catch (DateTimeParseException e) {
            return clock.get();
        }
    }

    static LogLevel level(String level) {
        return switch (level) {
            case "trace" -> LogLevel.TRACE;
            case "debug" -> LogLevel.DEBUG;
            case "warn" -> LogLevel.WARN;
            case "error" -> LogLevel.ERROR;
            default -> LogLevel.INFO;
        };
    }

    synchronized List<Timing> timings() {
        return List.copyOf(timings);
    }

    /** The error diagnostics seen ("summary: detail"), for the job's error message. */
    synchronized List<String> errors() {
        return List.copyOf(errors);
    }
}
