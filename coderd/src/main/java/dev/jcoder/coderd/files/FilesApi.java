package dev.jcoder.coderd.files;

import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.errors.TooLarge;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.FileRow;
import dev.jcoder.codersdk.UploadResponse;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** {@code POST /files} and {@code GET /files/{id}}. */
public final class FilesApi implements Api {
    /** Coder's upload limit: 10 × 10 MiB. */
    public static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;
    /** The most an archive may hold once unpacked (zip uploads can expand). */
    public static final long MAX_UNPACKED_BYTES = 512L * 1024 * 1024;
    public static final String TAR = "application/x-tar";

    private final InstantSource clock;

    public FilesApi(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v2/files", this::upload);
        routes.get("/api/v2/files/{fileID}", this::download);
    }

    private void upload(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        String contentType = Optional.ofNullable(ctx.contentType()).orElse("").split(";")[0].strip().toLowerCase(Locale.ROOT);
        boolean zip = contentType.equals("application/zip") || contentType.equals("application/x-zip-compressed");
        if (!zip && !contentType.equals(TAR)) {
            throw new ValidationFailed("Unsupported content type header \"" + contentType + "\".",
                    "Upload a tar archive (application/x-tar) or a zip archive (application/zip).");
        }
        byte[] body = readBody(ctx);
        String hash = sha256(body);
        Optional<FileRow> existing = auth.store().getFileByHashAndCreator(hash, auth.user().id());
        if (existing.isPresent()) {
            ctx.status(200).json(new UploadResponse(existing.get().id()));
            return;
        }
        byte[] tar = zip ? ArchiveChecks.zipToTar(body, MAX_UNPACKED_BYTES) : body;
        ArchiveChecks.checkTar(tar, MAX_UNPACKED_BYTES);
        Stored stored = store(auth.store(), auth.user().id(), hash, tar, clock.instant());
        ctx.status(stored.created() ? 201 : 200).json(new UploadResponse(stored.id()));
    }

    /** A file row's id and whether this call created it (false: the user already had these bytes). */
    public record Stored(UUID id, boolean created) {}

    /**
     * Stores a checked tar archive for {@code userId} unless the user already has one with the same
     * hash, which is then reused (uploads and starter templates both go through here).
     */
    public static Stored storeTar(AuthorizingStore store, UUID userId, byte[] tar, Instant now) {
        String hash = sha256(tar);
        Optional<FileRow> existing = store.getFileByHashAndCreator(hash, userId);
        return existing.map(file -> new Stored(file.id(), false)).orElseGet(() -> store(store, userId, hash, tar, now));
    }

    private static Stored store(AuthorizingStore store, UUID userId, String hash, byte[] tar, Instant now) {
        FileRow file = new FileRow(UUID.randomUUID(), hash, now, userId, TAR, tar);
        try {
            store.insertFile(file);
        } catch (RuntimeException e) {
            // Two identical uploads at once: the other one won.
            Optional<FileRow> raced = store.getFileByHashAndCreator(hash, userId);
            if (raced.isPresent()) {
                return new Stored(raced.get().id(), false);
            }
            throw e;
        }
        return new Stored(file.id(), true);
    }

    private static byte[] readBody(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_UPLOAD_BYTES) {
            throw new TooLarge("File is too large.", "The limit is " + MAX_UPLOAD_BYTES + " bytes.");
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) MAX_UPLOAD_BYTES + 1);
            if (body.length > MAX_UPLOAD_BYTES) {
                throw new TooLarge("File is too large.", "The limit is " + MAX_UPLOAD_BYTES + " bytes.");
            }
            if (body.length == 0) {
                throw new ValidationFailed("The file is empty.");
            }
            return body;
        } catch (IOException e) {
            throw new ValidationFailed("Cannot read the uploaded file.", e.getMessage());
        }
    }

    private void download(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        FileRow file = Requests.parseUuid(ctx.pathParam("fileID")).flatMap(auth.store()::getFileByID)
                .orElseThrow(NotFound::new);
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("");
        if (format.equals("zip")) {
            ctx.contentType("application/zip").result(ArchiveChecks.tarToZip(file.data()));
        } else if (format.isEmpty()) {
            ctx.contentType(file.mimetype()).result(file.data());
        } else {
            throw ValidationFailed.field("format", "Unsupported format \"" + format + "\"; use \"zip\" or leave it out.");
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
