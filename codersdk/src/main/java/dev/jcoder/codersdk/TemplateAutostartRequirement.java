package dev.jcoder.codersdk;

import java.util.List;

/** Days on which workspaces may autostart (Premium in Coder; stored and shown). */
public record TemplateAutostartRequirement(List<String> daysOfWeek) {
    public TemplateAutostartRequirement {
        daysOfWeek = daysOfWeek == null ? List.of() : List.copyOf(daysOfWeek);
    }
}
