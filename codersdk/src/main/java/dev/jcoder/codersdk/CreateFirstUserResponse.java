package dev.jcoder.codersdk;

import java.util.UUID;

/** The first user's id and the default organization they joined. */
public record CreateFirstUserResponse(UUID userId, UUID organizationId) {}
