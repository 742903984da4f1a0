package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code PUT /workspaces/{id}/autostart}: a schedule {@code CRON_TZ=<zone> <minute> <hour> * * <days>}
 * (only minute, hour and day of week may vary; the zone defaults to UTC); null or empty turns
 * autostart off.
 */
public record UpdateWorkspaceAutostartRequest(@JsonInclude(JsonInclude.Include.NON_NULL) String schedule) {}
