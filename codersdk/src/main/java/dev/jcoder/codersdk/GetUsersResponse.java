package dev.jcoder.codersdk;

import java.util.List;

/** A page of users and the number of users matching the filter, ignoring pagination. */
public record GetUsersResponse(List<User> users, int count) {
    public GetUsersResponse {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
