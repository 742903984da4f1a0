package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code files}: an uploaded archive, identified by its sha256 per uploader. */
public record FileRow(UUID id, String hash, Instant createdAt, UUID createdBy, String mimetype, byte[] data) {}
