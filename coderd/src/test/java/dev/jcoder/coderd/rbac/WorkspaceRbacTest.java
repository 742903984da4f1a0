package dev.jcoder.coderd.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may do what to a workspace: its owner everything, other members nothing, owners all, template admins read. */
class WorkspaceRbacTest {
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final List<Action> WORKSPACE_ACTIONS = List.of(Action.CREATE, Action.READ, Action.UPDATE,
            Action.DELETE, Action.SSH, Action.APPLICATION_CONNECT, Action.WORKSPACE_START, Action.WORKSPACE_STOP);
    private final Authorizer authorizer = new Authorizer();

    private static Subject user(String... roles) {
        return Subject.user(UUID.randomUUID(), "someone", Set.of(roles), Map.of(ORGANIZATION, Set.of()));
    }

    private static RbacObject workspaceOf(Subject owner) {
        return RbacObject.of(ResourceType.WORKSPACE).inOrganization(ORGANIZATION).ownedBy(owner.id());
    }

    @Test
    void membersDoEverythingToTheirOwnWorkspacesAndNothingToOthers() {
        Subject alice = user();
        Subject bob = user();
        for (Action action : WORKSPACE_ACTIONS) {
            assertThat(authorizer.authorize(alice, action, workspaceOf(alice))).as(action.wireName()).isTrue();
            assertThat(authorizer.authorize(alice, action, workspaceOf(bob))).as(action.wireName()).isFalse();
        }
        assertThat(authorizer.authorize(alice, Action.READ, RbacObject.of(ResourceType.WORKSPACE))).isFalse();
    }

    @Test
    void membersOutsideTheOrganizationCannotCreateThere() {
        Subject outsider = Subject.user(UUID.randomUUID(), "outsider", Set.of(), Map.of());
        assertThat(authorizer.authorize(outsider, Action.CREATE, workspaceOf(outsider))).isFalse();
    }

    @Test
    void ownersActOnEveryWorkspaceAndTemplateAdminsOnlyRead() {
        Subject member = user();
        Subject owner = user(Roles.OWNER);
        Subject templateAdmin = user(Roles.TEMPLATE_ADMIN);
        for (Action action : WORKSPACE_ACTIONS) {
            assertThat(authorizer.authorize(owner, action, workspaceOf(member))).as(action.wireName()).isTrue();
            assertThat(authorizer.authorize(templateAdmin, action, workspaceOf(member))).as(action.wireName())
                    .isEqualTo(action == Action.READ);
        }
        assertThat(authorizer.authorize(templateAdmin, Action.READ, RbacObject.of(ResourceType.WORKSPACE))).isTrue();
        assertThat(authorizer.authorize(user(Roles.USER_ADMIN), Action.READ, workspaceOf(member))).isFalse();
        assertThat(authorizer.authorize(user(Roles.AUDITOR), Action.SSH, workspaceOf(member))).isFalse();
    }
}
