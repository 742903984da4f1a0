package dev.jcoder.cli.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The CLI's config directory, laid out as Coder's: a {@code url} file and a {@code session} file
 * (readable by the owner only). The server also keeps its embedded database under it.
 */
public final class ConfigDirectory {
    private final Path root;

    public ConfigDirectory(Path root) {
        this.root = root.toAbsolutePath();
    }

    /** {@code $XDG_CONFIG_HOME/jcoder}, or {@code ~/.config/jcoder}. */
    public static Path defaultPath() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("jcoder");
    }

    public Path root() {
        return root;
    }

    public Optional<URI> url() {
        return read("url").map(ConfigDirectory::normalizeUrl);
    }

    public Optional<String> sessionToken() {
        return read("session");
    }

    public void saveUrl(URI url) {
        write("url", url.toString());
    }

    public void saveSessionToken(String token) {
        write("session", token);
    }

    /** Forgets the session (and keeps the URL, as Coder's logout does). */
    public void deleteSession() {
        try {
            Files.deleteIfExists(root.resolve("session"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + root.resolve("session") + ": " + e.getMessage(), e);
        }
    }

    /** Accepts {@code host:port} and full URLs; drops a trailing slash. */
    public static URI normalizeUrl(String url) {
        String value = url.strip();
        if (!value.contains("://")) {
            value = "http://" + value;
        }
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return URI.create(value);
    }

    private Optional<String> read(String name) {
        Path file = root.resolve(name);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(String name, String value) {
        try {
            Files.createDirectories(root);
            Path temporary = Files.createTempFile(root, name, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, value, StandardCharsets.UTF_8);
            Files.move(temporary, root.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + root.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}
