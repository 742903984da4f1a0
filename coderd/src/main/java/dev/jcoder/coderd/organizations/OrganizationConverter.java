package dev.jcoder.coderd.organizations;

import dev.jcoder.coderd.store.OrganizationRow;
import dev.jcoder.codersdk.Organization;

/** Turns organization rows into the API's {@link Organization}. */
public final class OrganizationConverter {
    private OrganizationConverter() {}

    public static Organization toSdk(OrganizationRow row) {
        return new Organization(row.id(), row.name(), row.displayName(), row.description(), row.icon(),
                row.createdAt(), row.updatedAt(), row.isDefault());
    }
}
