package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.WorkspaceAgentStatus;
import dev.jcoder.codersdk.WorkspaceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The conditions of {@code GetWorkspaces} (the {@code q} filter of {@code GET /workspaces}); empty
 * parts match everything. {@code ownerUsername} and {@code templateNames} match whole names,
 * {@code name} a substring (all case-insensitive). {@code now} is the moment agent statuses are
 * judged at; {@code requesterId} puts the requester's favorites first. {@code readScope} is set by
 * {@link AuthorizingStore}: callers cannot widen it.
 */
public record WorkspacesFilter(
        String ownerUsername,
        List<String> templateNames,
        String name,
        List<WorkspaceStatus> statuses,
        Optional<Boolean> outdated,
        List<WorkspaceAgentStatus> hasAgentStatuses,
        Optional<Boolean> dormant,
        Optional<Instant> lastUsedBefore,
        Optional<Instant> lastUsedAfter,
        List<ParameterMatch> parameters,
        Optional<UUID> organizationId,
        List<UUID> ids,
        Instant now,
        UUID requesterId,
        ReadScope readScope) {
    public WorkspacesFilter {
        ownerUsername = ownerUsername == null ? "" : ownerUsername;
        templateNames = List.copyOf(templateNames);
        name = name == null ? "" : name;
        statuses = List.copyOf(statuses);
        hasAgentStatuses = List.copyOf(hasAgentStatuses);
        parameters = List.copyOf(parameters);
        ids = List.copyOf(ids);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(requesterId, "requesterId");
        Objects.requireNonNull(readScope, "readScope");
    }

    /** Every live workspace, as seen by {@code requesterId} at {@code now}. */
    public static WorkspacesFilter all(Instant now, UUID requesterId) {
        return new WorkspacesFilter("", List.of(), "", List.of(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(), now, requesterId,
                ReadScope.NOTHING);
    }

    public WorkspacesFilter withReadScope(ReadScope scope) {
        return new WorkspacesFilter(ownerUsername, templateNames, name, statuses, outdated, hasAgentStatuses, dormant,
                lastUsedBefore, lastUsedAfter, parameters, organizationId, ids, now, requesterId, scope);
    }

    public WorkspacesFilter withOwner(String username) {
        return new WorkspacesFilter(username, templateNames, name, statuses, outdated, hasAgentStatuses, dormant,
                lastUsedBefore, lastUsedAfter, parameters, organizationId, ids, now, requesterId, readScope);
    }

    /**
     * {@code param:<name>} (the latest build has a value for it) or {@code param:<name>=<value>}
     * (that value); names and values compare case-insensitively.
     */
    public record ParameterMatch(String name, Optional<String> value) {}

    /**
     * Which workspaces the requester may read: all of them, those of some organizations, and their
     * own in the organizations they belong to.
     */
    public record ReadScope(boolean all, Set<UUID> organizations, Optional<UUID> owner, Set<UUID> ownerOrganizations) {
        public static final ReadScope NOTHING = new ReadScope(false, Set.of(), Optional.empty(), Set.of());

        public ReadScope {
            organizations = Set.copyOf(organizations);
            ownerOrganizations = Set.copyOf(ownerOrganizations);
        }
    }
}
