package dev.jcoder.coderd.workspaces;

import java.util.regex.Pattern;

/**
 * Coder's workspace name rule ({@code codersdk.NameValid}): 1 to 32 letters, digits and single
 * hyphens between them, not {@code new} or {@code create} (they clash with dashboard routes).
 */
final class WorkspaceNames {
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9](?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9]))*$");

    private WorkspaceNames() {}

    static boolean valid(String name) {
        return name != null && !name.isEmpty() && name.length() <= 32 && NAME.matcher(name).matches()
                && !name.equals("new") && !name.equals("create");
    }

    static String invalidDetail(String name) {
        return "Validation failed for tag \"workspace_name\" with value: \"" + name + "\"";
    }
}
