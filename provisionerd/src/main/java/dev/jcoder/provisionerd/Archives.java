package dev.jcoder.provisionerd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Unpacking a job's tar into its working directory, refusing anything that leaves it. */
public final class Archives {
    private Archives() {}

    /** Extracts regular files, directories and links that stay inside {@code root}; skips devices. */
    public static void extract(byte[] tar, Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path target = base.resolve(entry.getName()).normalize();
                if (!target.startsWith(base) || entry.getName().startsWith("/")) {
                    throw new IOException("Archive entry \"" + entry.getName() + "\" leaves the working directory.");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Path link = target.getParent().resolve(entry.getLinkName()).normalize();
                    if (!link.startsWith(base)) {
                        throw new IOException("Archive entry \"" + entry.getName() + "\" links outside the working directory.");
                    }
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        in.transferTo(out);
                    }
                    if ((entry.getMode() & 0100) != 0) {
                        try {
                            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
                            permissions.add(PosixFilePermission.OWNER_EXECUTE);
                            Files.setPosixFilePermissions(target, permissions);
                        } catch (UnsupportedOperationException ignored) {
                            // not a POSIX file system
                        }
                    }
                }
            }
        }
    }

    /** Deletes a directory tree, best effort. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
