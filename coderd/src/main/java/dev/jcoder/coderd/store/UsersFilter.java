package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.UserStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The conditions of {@code GetUsers}; empty parts match everything. */
public record UsersFilter(
        String search,
        List<UserStatus> statuses,
        List<String> roles,
        Optional<Instant> lastSeenBefore,
        Optional<Instant> lastSeenAfter,
        Optional<Instant> createdBefore,
        Optional<Instant> createdAfter) {
    public UsersFilter {
        search = search == null ? "" : search;
        statuses = List.copyOf(statuses);
        roles = List.copyOf(roles);
    }

    public static UsersFilter all() {
        return new UsersFilter("", List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
