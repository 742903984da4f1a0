package dev.jcoder.coderd.organizations;

import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.store.OrganizationMemberRow;
import dev.jcoder.coderd.store.OrganizationRow;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.coderd.store.UserRow;
import dev.jcoder.coderd.users.UserConverter;
import dev.jcoder.codersdk.OrganizationMemberWithUserData;
import dev.jcoder.codersdk.SlimRole;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code /organizations}: list, get by id or name, and members. */
public final class OrganizationsApi implements Api {

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v2/organizations", this::list);
        routes.get("/api/v2/organizations/{organization}", this::get);
        routes.get("/api/v2/organizations/{organization}/members", this::members);
    }

    /** Loads {@code {organization}}: an id, a name, or {@code default}. */
    public static OrganizationRow resolve(Context ctx, Store store) {
        String reference = ctx.pathParam("organization");
        return Requests.parseUuid(reference).flatMap(store::getOrganizationByID)
                .or(() -> reference.equals("default") ? store.getDefaultOrganization() : store.getOrganizationByName(reference))
                .orElseThrow(NotFound::new);
    }

    private void list(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        ctx.json(auth.store().getOrganizations().stream().map(OrganizationConverter::toSdk).toList());
    }

    private void get(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        ctx.json(OrganizationConverter.toSdk(resolve(ctx, auth.store())));
    }

    private void members(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        OrganizationRow organization = resolve(ctx, auth.store());
        List<OrganizationMemberRow> members = auth.store().getOrganizationMembers(organization.id());
        Map<UUID, UserRow> users = auth.store().getUsersByIDs(members.stream().map(OrganizationMemberRow::userId).toList())
                .stream().collect(Collectors.toMap(UserRow::id, Function.identity()));
        ctx.json(members.stream().filter(member -> users.containsKey(member.userId())).map(member -> {
            UserRow user = users.get(member.userId());
            List<SlimRole> roles = member.roles().stream()
                    .map(role -> new SlimRole(role, role, organization.id().toString())).toList();
            return new OrganizationMemberWithUserData(member.userId(), member.organizationId(), member.createdAt(),
                    member.updatedAt(), roles, user.username(), user.name(), user.avatarUrl(), user.email(),
                    UserConverter.siteRoles(user.rbacRoles()));
        }).toList());
    }
}
