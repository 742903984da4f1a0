package dev.jcoder.coderd.templates;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.TemplateExample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The starter templates shipped in the jar (from {@code examples/templates/} of the repository).
 * They live under {@code examples/templates/} on the classpath with an index
 * {@code examples/templates/index.json}: an array of {@link TemplateExample} objects, each with an
 * extra {@code "files"} array naming the files of the starter relative to
 * {@code examples/templates/<id>/}. An entry without {@code "markdown"} takes the starter's
 * {@code README.md} without its front matter, as Coder shows it. Without an index there are no
 * starters.
 */
public final class TemplateExamples {
    public static final String ROOT = "examples/templates/";

    /** A starter and its files (relative paths). */
    public record Starter(TemplateExample example, List<String> files) {
        public Starter {
            files = List.copyOf(files);
        }
    }

    private TemplateExamples() {}

    public static List<TemplateExample> load() {
        return starters().stream().map(Starter::example).toList();
    }

    public static List<Starter> starters() {
        try (InputStream in = TemplateExamples.class.getClassLoader().getResourceAsStream(ROOT + "index.json")) {
            if (in == null) {
                return List.of();
            }
            List<Map<String, Object>> entries = Json.mapper().readValue(in, new TypeReference<>() {});
            return entries.stream().map(entry -> {
                Map<String, Object> fields = new LinkedHashMap<>(entry);
                Object files = fields.remove("files");
                if (!fields.containsKey("markdown")) {
                    fields.put("markdown", file(String.valueOf(fields.get("id")), "README.md")
                            .map(bytes -> withoutFrontMatter(new String(bytes, StandardCharsets.UTF_8))).orElse(""));
                }
                TemplateExample example = Json.mapper().convertValue(fields, TemplateExample.class);
                List<String> names = files instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
                return new Starter(example, names);
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the starter template index.", e);
        }
    }

    /** A README without its leading {@code ---} YAML block. */
    static String withoutFrontMatter(String readme) {
        if (!readme.startsWith("---\n")) {
            return readme;
        }
        int end = readme.indexOf("\n---\n", 4);
        return end < 0 ? readme : readme.substring(end + 5).stripLeading();
    }

    /** The bytes of one file of a starter. */
    public static Optional<byte[]> file(String exampleId, String path) {
        try (InputStream in = TemplateExamples.class.getClassLoader().getResourceAsStream(ROOT + exampleId + "/" + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A starter's files as a tar archive, the way {@code POST /files} stores uploads. Entries get a
     * fixed modification time so the same starter always hashes the same and is stored once per user.
     */
    public static Optional<byte[]> archive(String exampleId) {
        Optional<Starter> starter = starters().stream().filter(s -> s.example().id().equals(exampleId)).findFirst();
        if (starter.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String path : starter.get().files()) {
                byte[] content = file(exampleId, path).orElseThrow(() -> new IllegalStateException(
                        "Starter \"" + exampleId + "\" lists " + path + " but the jar does not hold it."));
                TarArchiveEntry entry = new TarArchiveEntry(path);
                entry.setSize(content.length);
                entry.setMode(0644);
                entry.setModTime(FileTime.from(Instant.EPOCH));
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(out.toByteArray());
    }
}
