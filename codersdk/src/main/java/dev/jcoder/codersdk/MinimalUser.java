package dev.jcoder.codersdk;

import java.util.UUID;

/** The few fields of a user shown next to things they made (template versions, builds). */
public record MinimalUser(UUID id, String username, String avatarUrl) {}
