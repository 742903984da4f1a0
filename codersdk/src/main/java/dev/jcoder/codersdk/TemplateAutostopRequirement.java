package dev.jcoder.codersdk;

import java.util.List;

/** Days on which workspaces must stop, every {@code weeks} weeks (Premium in Coder; stored and shown). */
public record TemplateAutostopRequirement(List<String> daysOfWeek, long weeks) {
    public TemplateAutostopRequirement {
        daysOfWeek = daysOfWeek == null ? List.of() : List.copyOf(daysOfWeek);
    }
}
