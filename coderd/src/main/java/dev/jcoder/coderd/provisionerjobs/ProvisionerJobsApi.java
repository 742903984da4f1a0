package dev.jcoder.coderd.provisionerjobs;

import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.organizations.OrganizationsApi;
import dev.jcoder.coderd.store.OrganizationRow;
import dev.jcoder.coderd.store.ProvisionerDaemonRow;
import dev.jcoder.codersdk.ProvisionerDaemon;
import dev.jcoder.codersdk.ProvisionerJobStatus;
import dev.jcoder.codersdk.ProvisionerType;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;

/** {@code /organizations/{org}/provisionerjobs} and {@code /provisionerdaemons}. */
public final class ProvisionerJobsApi implements Api {

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v2/organizations/{organization}/provisionerjobs", this::list);
        routes.get("/api/v2/organizations/{organization}/provisionerjobs/{job}", this::get);
        routes.get("/api/v2/organizations/{organization}/provisionerdaemons", this::daemons);
    }

    private void list(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        OrganizationRow organization = OrganizationsApi.resolve(ctx, auth.store());
        String status = ctx.queryParam("status");
        List<String> statuses = status == null || status.isBlank() ? List.of()
                : Arrays.stream(status.split(",")).map(String::strip).map(value -> {
                    try {
                        return ProvisionerJobStatus.fromValue(value).value();
                    } catch (IllegalArgumentException e) {
                        throw dev.jcoder.coderd.errors.ValidationFailed.field("status", e.getMessage());
                    }
                }).toList();
        int limit = Requests.queryInt(ctx, "limit", 50);
        ctx.json(auth.store().getProvisionerJobsByOrganization(organization.id(), statuses, limit).stream()
                .map(job -> ProvisionerJobConverter.toSdk(auth.store(), job)).toList());
    }

    private void get(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        OrganizationRow organization = OrganizationsApi.resolve(ctx, auth.store());
        var job = Requests.parseUuid(ctx.pathParam("job")).flatMap(auth.store()::getProvisionerJobByID)
                .filter(row -> row.organizationId().equals(organization.id())).orElseThrow(NotFound::new);
        ctx.json(ProvisionerJobConverter.toSdk(auth.store(), job));
    }

    private void daemons(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        OrganizationRow organization = OrganizationsApi.resolve(ctx, auth.store());
        ctx.json(auth.store().getProvisionerDaemonsByOrganization(organization.id()).stream()
                .map(ProvisionerJobsApi::toSdk).toList());
    }

    private static ProvisionerDaemon toSdk(ProvisionerDaemonRow row) {
        return new ProvisionerDaemon(row.id(), row.organizationId(), row.createdAt(), row.lastSeenAt(), row.name(),
                row.version(), row.apiVersion(), row.provisioners().stream().map(ProvisionerType::fromValue).toList(),
                ProvisionerTags.fromJson(row.tags()));
    }
}
