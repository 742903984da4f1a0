package dev.jcoder.coderd.rbac;

import java.util.Set;

/**
 * One grant of a role: actions on a resource type at a scope. {@link ResourceType#WILDCARD} and an
 * empty action set mean "every".
 */
public record Permission(ResourceType type, Set<Action> actions, Scope scope) {
    public Permission {
        actions = Set.copyOf(actions);
    }

    /** How far a grant reaches. */
    public enum Scope {
        /** Every object of the type in the deployment. */
        SITE,
        /** Objects in the organizations the subject is a member of. */
        ORGANIZATION,
        /** Objects the subject owns (an owner id equal to the subject's id). */
        OWNER
    }

    boolean allows(Action action, ResourceType objectType) {
        boolean typeMatches = type == ResourceType.WILDCARD || type == objectType;
        return typeMatches && (actions.isEmpty() || actions.contains(action));
    }
}
