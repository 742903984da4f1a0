package dev.jcoder.coderd.organizations;

import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.OrganizationRow;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;

/** Makes sure the deployment has its default organization ("coder", as in Coder) and a deployment id. */
public final class DefaultOrganization {
    private DefaultOrganization() {}

    public static void ensure(AuthorizingStore store, InstantSource clock) {
        // System actor: runs once at start-up, before any request.
        AuthorizingStore system = store.as(Subject.system("deployment bootstrap"));
        system.inTransaction(tx -> {
            tx.acquireLock(0x6a636f6465720002L);
            if (tx.getDefaultOrganization().isEmpty()) {
                Instant now = clock.instant();
                tx.insertOrganization(new OrganizationRow(UUID.randomUUID(), "coder", "Coder",
                        "The default organization.", "", true, now, now));
            }
            if (tx.getDeploymentID().isEmpty()) {
                tx.insertDeploymentID(UUID.randomUUID().toString());
            }
            return null;
        });
    }
}
