package dev.jcoder.provisionerd.echo;

import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.provisionerd.PresetDefinition;
import dev.jcoder.codersdk.provisionerd.Resource;
import dev.jcoder.codersdk.provisionerd.TemplateVariable;
import java.util.List;

/**
 * The canned answers of the echo provisioner, read from {@code echo.json} at the root of the
 * template archive (snake_case JSON; every field optional; no file means "succeed with nothing").
 * A {@code README.md} next to it becomes the version's README.
 *
 * <pre>{@code
 * {
 *   "logs": [{"level": "info", "stage": "Planning", "output": "hello"}],
 *   "log_delay_ms": 0,                 // pause before each log line
 *   "wait_for_cancel": false,          // after the logs, run until the job is canceled
 *   "variables": [{"name": "region", "type": "string", "default_value": "eu", "required": false, "sensitive": false}],
 *   "parameters": [ ...TemplateVersionParameter JSON... ],
 *   "resources": [{"name": "dev", "type": "docker_container", "agents": [{"name": "main", "apps": [{"slug": "code"}]}]}],
 *   "stop_resources": [],
 *   "presets": [{"name": "small", "parameters": {"cpu": "2"}, "is_default": true}],
 *   "error": "",                       // non-empty: the job fails with this error
 *   "error_code": "",
 *   "build": { ...the same fields for workspace builds, plus "state": "opaque text"... }
 * }
 * }</pre>
 */
public record EchoResponses(
        List<EchoLog> logs,
        long logDelayMs,
        boolean waitForCancel,
        List<TemplateVariable> variables,
        List<TemplateVersionParameter> parameters,
        List<Resource> resources,
        List<Resource> stopResources,
        List<PresetDefinition> presets,
        String error,
        String errorCode,
        String state,
        EchoResponses build) {
    public EchoResponses {
        logs = logs == null ? List.of() : List.copyOf(logs);
        variables = variables == null ? List.of() : List.copyOf(variables);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        resources = resources == null ? List.of() : List.copyOf(resources);
        stopResources = stopResources == null ? List.of() : List.copyOf(stopResources);
        presets = presets == null ? List.of() : List.copyOf(presets);
        error = error == null ? "" : error;
        errorCode = errorCode == null ? "" : errorCode;
        state = state == null ? "" : state;
    }

    public static final String FILE = "echo.json";

    public static EchoResponses empty() {
        return new EchoResponses(null, 0, false, null, null, null, null, null, null, null, null, null);
    }

    /** One canned log line. */
    public record EchoLog(LogLevel level, String stage, String output) {
        public EchoLog {
            level = level == null ? LogLevel.INFO : level;
            stage = stage == null ? "" : stage;
            output = output == null ? "" : output;
        }
    }
}
