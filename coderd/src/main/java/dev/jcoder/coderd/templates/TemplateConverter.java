package dev.jcoder.coderd.templates;

import dev.jcoder.coderd.store.OrganizationRow;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.coderd.store.TemplateRow;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateAutostartRequirement;
import dev.jcoder.codersdk.TemplateAutostopRequirement;
import dev.jcoder.codersdk.TransitionStats;
import java.util.Map;

/** Template rows as the API shows them. */
public final class TemplateConverter {
    private TemplateConverter() {}

    public static Template toSdk(Store store, TemplateRow t) {
        OrganizationRow organization = store.getOrganizationByID(t.organizationId()).orElse(null);
        String createdByName = store.getUserByID(t.createdBy()).map(user -> user.username()).orElse("");
        TransitionStats none = new TransitionStats(null, null);
        return new Template(t.id(), t.createdAt(), t.updatedAt(), t.organizationId(),
                organization == null ? "" : organization.name(), organization == null ? "" : organization.displayName(),
                organization == null ? "" : organization.icon(), t.name(), t.displayName(), t.provisioner(),
                t.activeVersionId(), 0, Map.of("start", none, "stop", none, "delete", none), t.description(),
                !t.deprecationMessage().isEmpty(), t.deprecationMessage(), t.icon(), t.defaultTtlMs(), t.activityBumpMs(),
                new TemplateAutostopRequirement(t.autostopRequirementDays(), t.autostopRequirementWeeks()),
                new TemplateAutostartRequirement(t.autostartRequirementDays()), t.createdBy(), createdByName,
                t.allowUserAutostart(), t.allowUserAutostop(), t.allowUserCancelWorkspaceJobs(), t.failureTtlMs(),
                t.timeTilDormantMs(), t.timeTilDormantAutodeleteMs(), t.requireActiveVersion(), t.maxPortShareLevel(),
                t.useClassicParameterFlow());
    }
}
