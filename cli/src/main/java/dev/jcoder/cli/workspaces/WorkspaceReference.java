package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.CliException;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.Workspace;
import java.util.UUID;

/**
 * How commands name a workspace, as Coder's: {@code name} (yours), {@code owner/name}, or its id.
 */
public record WorkspaceReference(String owner, String name) {
    public static WorkspaceReference parse(String identifier) {
        String text = identifier.strip();
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new WorkspaceReference("me", text);
        }
        if (slash == 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
            throw new CliException("Invalid workspace name \"" + identifier + "\": use <workspace> or <owner>/<workspace>.");
        }
        return new WorkspaceReference(text.substring(0, slash), text.substring(slash + 1));
    }

    /** The workspace named {@code identifier}; a clear error when there is none the caller can see. */
    public static Workspace resolve(CoderClient client, String identifier) {
        try {
            return client.workspace(UUID.fromString(identifier.strip()));
        } catch (IllegalArgumentException notAnId) {
            // A name, not an id.
        } catch (CoderApiException e) {
            throw notFound(identifier, e);
        }
        WorkspaceReference reference = parse(identifier);
        try {
            return client.workspaceByOwnerAndName(reference.owner(), reference.name(), false);
        } catch (CoderApiException e) {
            throw notFound(identifier, e);
        }
    }

    private static RuntimeException notFound(String identifier, CoderApiException e) {
        if (e.statusCode() == 404 || e.statusCode() == 410) {
            return new CliException("Workspace \"" + identifier + "\" does not exist (or you cannot see it).", e);
        }
        return e;
    }
}
