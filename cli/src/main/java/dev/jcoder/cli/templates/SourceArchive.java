package dev.jcoder.cli.templates;

import dev.jcoder.cli.CliException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Template directories as tar archives and back. Packing skips {@code .terraform/}, {@code .git/}
 * and whatever {@code .gitignore} or {@code .coderignore} at the top of the directory exclude
 * (gitignore-style globs: {@code name}, {@code dir/}, {@code *.ext}, {@code path/with/slash}).
 */
public final class SourceArchive {
    /** Coder refuses uploads over 100 MiB. */
    static final long MAX_BYTES = 100L * 1024 * 1024;

    private SourceArchive() {}

    public static byte[] pack(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CliException("\"" + directory + "\" is not a directory.");
        }
        List<Rule> rules = new ArrayList<>(List.of(new Rule(".terraform", true, false), new Rule(".git", true, false)));
        rules.addAll(readRules(directory.resolve(".gitignore")));
        rules.addAll(readRules(directory.resolve(".coderignore")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out); Stream<Path> walk = Files.walk(directory)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path path : (Iterable<Path>) walk.sorted()::iterator) {
                if (path.equals(directory)) {
                    continue;
                }
                String relative = directory.relativize(path).toString().replace('\\', '/');
                if (excluded(rules, relative, Files.isDirectory(path))) {
                    continue;
                }
                if (Files.isSymbolicLink(path)) {
                    TarArchiveEntry entry = new TarArchiveEntry(relative, TarArchiveEntry.LF_SYMLINK);
                    entry.setLinkName(Files.readSymbolicLink(path).toString());
                    tar.putArchiveEntry(entry);
                    tar.closeArchiveEntry();
                } else if (Files.isDirectory(path)) {
                    tar.putArchiveEntry(plainEntry(path, relative + "/", 0755, 0));
                    tar.closeArchiveEntry();
                } else if (Files.isRegularFile(path)) {
                    tar.putArchiveEntry(plainEntry(path, relative, Files.isExecutable(path) ? 0755 : 0644, Files.size(path)));
                    Files.copy(path, tar);
                    tar.closeArchiveEntry();
                }
                if (out.size() > MAX_BYTES) {
                    throw new CliException("The template directory is larger than the 100 MiB upload limit.");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** A ustar entry with only name, mode, size and time (no platform extras that other tars warn about). */
    private static TarArchiveEntry plainEntry(Path path, String name, int mode, long size) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode((name.endsWith("/") ? TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 : TarArchiveEntry.DEFAULT_FILE_MODE & ~0777) | mode);
        entry.setSize(size);
        entry.setModTime(Files.getLastModifiedTime(path));
        return entry;
    }

    /** Unpacks into {@code directory}, refusing entries that would land outside it. */
    public static void unpack(byte[] tar, Path directory) {
        Path base = directory.toAbsolutePath().normalize();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path target = base.resolve(entry.getName()).normalize();
                if (!target.startsWith(base)) {
                    throw new CliException("The archive entry \"" + entry.getName() + "\" would be written outside " + base + ".");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        in.transferTo(out);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + directory + ": " + e.getMessage(), e);
        }
    }

    private record Rule(String pattern, boolean directoryOnly, boolean anchored) {}

    private static List<Rule> readRules(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Rule> rules = new ArrayList<>();
            for (String raw : Files.readAllLines(file)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                    continue;
                }
                boolean directoryOnly = line.endsWith("/");
                String pattern = directoryOnly ? line.substring(0, line.length() - 1) : line;
                boolean anchored = pattern.contains("/");
                rules.add(new Rule(pattern.startsWith("/") ? pattern.substring(1) : pattern, directoryOnly, anchored));
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean excluded(List<Rule> rules, String relative, boolean directory) {
        String[] parts = relative.split("/");
        for (Rule rule : rules) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rule.pattern());
            if (rule.anchored()) {
                // Matches the path itself or one of its parent directories.
                for (int i = 1; i <= parts.length; i++) {
                    String prefix = String.join("/", java.util.Arrays.copyOf(parts, i));
                    boolean isDirectory = i < parts.length || directory;
                    if ((!rule.directoryOnly() || isDirectory) && matcher.matches(Path.of(prefix))) {
                        return true;
                    }
                }
            } else {
                for (int i = 0; i < parts.length; i++) {
                    boolean isDirectory = i < parts.length - 1 || directory;
                    if ((!rule.directoryOnly() || isDirectory) && matcher.matches(Path.of(parts[i]))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
