package dev.jcoder.codersdk;

import java.util.List;

/** A starter template ({@code GET /templates/examples}). */
public record TemplateExample(String id, String url, String name, String description, String icon, List<String> tags,
        String markdown) {
    public TemplateExample {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
