package dev.jcoder.codersdk;

import java.time.Instant;
import java.util.UUID;

/** The SSH key pair Coder generates per user for Git; only the public half leaves the server. */
public record GitSshKey(UUID userId, Instant createdAt, Instant updatedAt, String publicKey) {}
