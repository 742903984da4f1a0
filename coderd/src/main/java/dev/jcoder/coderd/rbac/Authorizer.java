package dev.jcoder.coderd.rbac;

import java.util.ArrayList;
import java.util.List;

/** Answers "may this subject do this action on this object?" from the built-in roles. */
public final class Authorizer {

    public boolean authorize(Subject subject, Action action, RbacObject object) {
        if (subject.system()) {
            return true;
        }
        for (Role role : rolesOf(subject)) {
            for (Permission permission : role.permissions()) {
                if (permission.allows(action, object.type()) && inScope(permission.scope(), subject, object)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the subject may give {@code roleName} to someone. */
    public boolean canAssign(Subject subject, String roleName) {
        if (subject.system()) {
            return true;
        }
        return rolesOf(subject).stream().anyMatch(role -> role.canAssign().contains(roleName));
    }

    private static List<Role> rolesOf(Subject subject) {
        List<Role> roles = new ArrayList<>();
        roles.add(Roles.member());
        subject.siteRoles().forEach(name -> Roles.byName(name).ifPresent(roles::add));
        return roles;
    }

    private static boolean inScope(Permission.Scope scope, Subject subject, RbacObject object) {
        return switch (scope) {
            case SITE -> true;
            case ORGANIZATION -> object.organizationId().map(subject::isMemberOf).orElse(false);
            case OWNER -> object.ownerId().map(subject.id()::equals).orElse(false)
                    && object.organizationId().map(subject::isMemberOf).orElse(true);
        };
    }
}
