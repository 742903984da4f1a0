package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code gitsshkeys}: a user's SSH key pair in OpenSSH formats. */
public record GitSshKeyRow(UUID userId, Instant createdAt, Instant updatedAt, String privateKey, String publicKey) {}
