package dev.jcoder.cli.workspaces.parameters;

/** Which command asks for parameter values: it decides which parameters are asked for. */
public enum BuildAction {
    /** A new workspace: every non-ephemeral parameter without a value is asked for. */
    CREATE,
    /** A start of the current version: previous values are kept. */
    START,
    /** A move to the template's active version: new and no longer valid parameters are asked for. */
    UPDATE,
    /** A stop then start: previous values are kept. */
    RESTART
}
