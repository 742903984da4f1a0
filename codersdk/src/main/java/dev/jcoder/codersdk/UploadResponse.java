package dev.jcoder.codersdk;

import java.util.UUID;

/** The answer to {@code POST /files}. As in Coder the field is named {@code hash} but holds the file's id. */
public record UploadResponse(UUID hash) {}
