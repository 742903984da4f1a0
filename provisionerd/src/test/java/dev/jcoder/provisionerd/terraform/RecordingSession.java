package dev.jcoder.provisionerd.terraform;

import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.provisionerd.TemplateVariable;
import dev.jcoder.provisionerd.JobSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** A job session that records logs and reported variables and answers like the server (given values over defaults). */
final class RecordingSession implements JobSession {
    record Line(LogLevel level, String stage, String output) {}

    final List<Line> lines = new CopyOnWriteArrayList<>();
    final List<TemplateVariable> reportedVariables = new CopyOnWriteArrayList<>();
    volatile String readme = "";
    private final Map<String, String> given;
    private final AtomicBoolean canceled = new AtomicBoolean();
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();

    RecordingSession() {
        this(Map.of());
    }

    RecordingSession(Map<String, String> given) {
        this.given = Map.copyOf(given);
    }

    @Override
    public void log(LogLevel level, String stage, String output) {
        lines.add(new Line(level, stage, output));
    }

    @Override
    public List<VariableValue> reportVariables(List<TemplateVariable> variables, String readme) {
        reportedVariables.addAll(variables);
        this.readme = readme;
        List<VariableValue> values = new ArrayList<>();
        for (TemplateVariable variable : variables) {
            if (given.containsKey(variable.name())) {
                values.add(new VariableValue(variable.name(), given.get(variable.name())));
            } else if (!variable.required()) {
                values.add(new VariableValue(variable.name(), variable.defaultValue()));
            }
        }
        return values;
    }

    @Override
    public boolean canceled() {
        return canceled.get();
    }

    @Override
    public void onCancel(Runnable action) {
        cancelActions.add(action);
        if (canceled.get() && cancelActions.remove(action)) {
            action.run();
        }
    }

    void cancel() {
        if (canceled.compareAndSet(false, true)) {
            for (Runnable action : cancelActions) {
                if (cancelActions.remove(action)) {
                    action.run();
                }
            }
        }
    }

    List<String> output(String stage) {
        return lines.stream().filter(line -> line.stage().equals(stage)).map(Line::output).toList();
    }

    String allOutput() {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.level().value()).append(" [").append(line.stage()).append("] ")
                .append(line.output()).append('\n'));
        return text.toString();
    }
}
