package dev.jcoder.coderd.rbac;

import java.util.List;
import java.util.Set;

/** A named set of permissions, and which other roles a holder of this one may assign. */
public record Role(String name, String displayName, List<Permission> permissions, Set<String> canAssign) {
    public Role {
        permissions = List.copyOf(permissions);
        canAssign = Set.copyOf(canAssign);
    }
}
