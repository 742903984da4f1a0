package dev.jcoder.coderd.files;

import dev.jcoder.coderd.errors.ValidationFailed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Safety checks of uploaded archives and the zip/tar conversions. An archive is rejected (400,
 * naming the entry) when an entry's path is absolute or climbs out of the root with {@code ..},
 * when a symbolic or hard link points outside the root, when it holds device files or FIFOs, or
 * when its entries add up to more than the unpacked size limit.
 */
public final class ArchiveChecks {
    private ArchiveChecks() {}

    /** Checks a tar archive; throws {@link ValidationFailed} for the first unsafe entry. */
    public static void checkTar(byte[] tar, long maxUnpackedBytes) {
        long total = 0;
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                Optional<String> path = normalize(name);
                if (path.isEmpty()) {
                    throw unsafe(name, "its path leaves the archive's root (absolute or with \"..\").");
                }
                if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                    throw unsafe(name, "it is a device file or FIFO.");
                }
                if (entry.isSymbolicLink()) {
                    String target = entry.getLinkName();
                    if (target.startsWith("/") || resolve(parent(path.get()), target).isEmpty()) {
                        throw unsafe(name, "it is a symbolic link to \"" + target + "\", outside the archive.");
                    }
                } else if (entry.isLink()) {
                    String target = entry.getLinkName();
                    if (normalize(target).isEmpty()) {
                        throw unsafe(name, "it is a hard link to \"" + target + "\", outside the archive.");
                    }
                }
                total += Math.max(0, entry.getSize());
                if (total > maxUnpackedBytes) {
                    throw new ValidationFailed("The archive is too large when unpacked.",
                            "Entry \"" + name + "\" brings the unpacked size above the limit of " + maxUnpackedBytes
                                    + " bytes.");
                }
            }
        } catch (IOException e) {
            throw new ValidationFailed("The file is not a valid tar archive.", e.getMessage());
        }
    }

    private static ValidationFailed unsafe(String entry, String reason) {
        return new ValidationFailed("The archive contains an unsafe entry.", "Entry \"" + entry + "\" is rejected: " + reason);
    }

    /** The entry's path without {@code ./} and trailing slashes, or empty when it escapes the root. */
    static Optional<String> normalize(String name) {
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            return Optional.empty();
        }
        return resolve("", name);
    }

    /** {@code relative} resolved against directory {@code base} (both inside the root), or empty when it escapes. */
    static Optional<String> resolve(String base, String relative) {
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : (base + "/" + relative).replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(segment);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Converts a zip archive to tar, stopping when the unpacked size passes the limit. */
    public static byte[] zipToTar(byte[] zip, long maxUnpackedBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long total = 0;
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            ZipArchiveEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = in.getNextEntry()) != null) {
                if (normalize(entry.getName()).isEmpty()) {
                    throw unsafe(entry.getName(), "its path leaves the archive's root (absolute or with \"..\").");
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                int read;
                while ((read = in.read(buffer)) > 0) {
                    total += read;
                    if (total > maxUnpackedBytes) {
                        throw new ValidationFailed("The archive is too large when unpacked.",
                                "Entry \"" + entry.getName() + "\" brings the unpacked size above the limit of "
                                        + maxUnpackedBytes + " bytes.");
                    }
                    content.write(buffer, 0, read);
                }
                TarArchiveEntry tarEntry;
                if (entry.isUnixSymlink()) {
                    tarEntry = new TarArchiveEntry(entry.getName(), TarArchiveEntry.LF_SYMLINK);
                    tarEntry.setLinkName(content.toString(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    tarEntry = new TarArchiveEntry(entry.getName());
                    if (!entry.isDirectory()) {
                        tarEntry.setSize(content.size());
                    }
                    int mode = entry.getUnixMode();
                    if (mode != 0) {
                        tarEntry.setMode(mode);
                    }
                }
                if (entry.getLastModifiedTime() != null) {
                    tarEntry.setModTime(entry.getLastModifiedTime());
                }
                tar.putArchiveEntry(tarEntry);
                if (!entry.isDirectory() && !entry.isUnixSymlink()) {
                    content.writeTo(tar);
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new ValidationFailed("The file is not a valid zip archive.", e.getMessage());
        }
        return out.toByteArray();
    }

    /** Converts a (checked) tar archive to zip. */
    public static byte[] tarToZip(byte[] tar) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar));
                ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (!entry.isFile() && !entry.isDirectory()) {
                    continue;
                }
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.getName() + (entry.isDirectory() && !entry.getName().endsWith("/") ? "/" : ""));
                zipEntry.setUnixMode(entry.getMode());
                zipEntry.setTime(entry.getModTime().getTime());
                zip.putArchiveEntry(zipEntry);
                if (entry.isFile()) {
                    in.transferTo(zip);
                }
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot convert the stored archive to zip.", e);
        }
        return out.toByteArray();
    }

    static InputStream stream(byte[] data) {
        return new ByteArrayInputStream(data);
    }
}
