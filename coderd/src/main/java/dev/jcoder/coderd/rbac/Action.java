package dev.jcoder.coderd.rbac;

import java.util.Locale;

/** What a subject wants to do to an object. Names are Coder's policy actions. */
public enum Action {
    CREATE,
    READ,
    UPDATE,
    DELETE,
    /** Change one's own profile or password (members may, on themselves only). */
    UPDATE_PERSONAL,
    /** Read one's own private data, such as one's git SSH key. */
    READ_PERSONAL,
    /** Give a role to someone. */
    ASSIGN,
    /** Connect to a workspace over SSH. */
    SSH,
    /** Open a workspace application. */
    APPLICATION_CONNECT,
    /** Start, stop or delete a workspace. */
    WORKSPACE_START,
    WORKSPACE_STOP,
    /** Use a template to create workspaces. */
    USE;

    /** The lower-case name that {@code POST /authcheck} uses. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static java.util.Optional<Action> fromWireName(String name) {
        for (Action action : values()) {
            if (action.wireName().equals(name)) {
                return java.util.Optional.of(action);
            }
        }
        return java.util.Optional.empty();
    }
}
