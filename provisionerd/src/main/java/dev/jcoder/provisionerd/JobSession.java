package dev.jcoder.provisionerd;

import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.provisionerd.TemplateVariable;
import java.util.List;

/** What a running provisioner can tell the daemon and learn from it. Thread-safe. */
public interface JobSession {

    /** Queues a log line from the provisioner; the daemon sends it within moments. */
    void log(LogLevel level, String stage, String output);

    /**
     * Reports the template's variables (and README) during an import and returns the values the
     * server resolved (given values over defaults). Required variables without a value are absent.
     */
    List<VariableValue> reportVariables(List<TemplateVariable> variables, String readme);

    /** True once the job was canceled. */
    boolean canceled();

    /** Runs {@code action} once when the job is canceled (at once when it already is). */
    void onCancel(Runnable action);
}
