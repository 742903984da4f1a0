package dev.jcoder.codersdk.provisionerd;

import dev.jcoder.codersdk.VariableValue;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Logs (and, for imports, the template's variables and README) of a running job. An update with
 * nothing in it is a heartbeat. {@code readme} is empty when unchanged.
 */
public record UpdateJobRequest(UUID jobId, List<Log> logs, List<TemplateVariable> templateVariables,
        List<VariableValue> userVariableValues, String readme) {
    public UpdateJobRequest {
        Objects.requireNonNull(jobId, "jobId");
        logs = List.copyOf(logs);
        templateVariables = List.copyOf(templateVariables);
        userVariableValues = List.copyOf(userVariableValues);
        readme = readme == null ? "" : readme;
    }

    public static UpdateJobRequest heartbeat(UUID jobId) {
        return new UpdateJobRequest(jobId, List.of(), List.of(), List.of(), "");
    }

    public static UpdateJobRequest logs(UUID jobId, List<Log> logs) {
        return new UpdateJobRequest(jobId, logs, List.of(), List.of(), "");
    }
}
