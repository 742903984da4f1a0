package dev.jcoder.codersdk.provisionerd;

import dev.jcoder.codersdk.VariableValue;
import java.util.List;

/**
 * The server's answer to an update: whether the job was canceled (stop it), and for imports the
 * values the template's variables take (given values over defaults).
 */
public record UpdateJobResponse(boolean canceled, List<VariableValue> variableValues) {
    public UpdateJobResponse {
        variableValues = List.copyOf(variableValues);
    }
}
