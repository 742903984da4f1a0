package dev.jcoder.coderd.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FilesApiTest {
    private static TestCoderd server;
    private static CoderClient owner;
    private static CoderClient member;
    private static CoderClient otherMember;

    @BeforeAll
    static void start() {
        server = TestCoderd.start();
        owner = server.createFirstUser();
        member = server.createUser(owner, "filemember");
        otherMember = server.createUser(owner, "othermember");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertRejected(byte[] archive, String entry) {
        assertThatThrownBy(() -> owner.uploadFile("application/x-tar", archive))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.response().detail()).as(e.getMessage()).contains("\"" + entry + "\"");
                });
    }

    private static byte[] tar(Consumer<TarArchiveOutputStream> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            entries.accept(tar);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(TarArchiveOutputStream tar, TarArchiveEntry entry, byte[] content) {
        try {
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static TarArchiveEntry link(String name, byte type, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setLinkName(target);
        return entry;
    }

    @Test
    void sameContentFromTheSameUserReturnsTheExistingIdWith200() {
        byte[] archive = EchoTemplates.tar(Map.of("main.tf", "# " + UUID.randomUUID()));
        var first = owner.sendRaw("POST", "/api/v2/files", "application/x-tar", archive);
        assertThat(first.statusCode()).isEqualTo(201);
        var second = owner.sendRaw("POST", "/api/v2/files", "application/x-tar", archive);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        UUID id = owner.uploadFile("application/x-tar", archive).hash();
        assertThat(owner.downloadFile(id, "")).isEqualTo(archive);
    }

    @Test
    void zipIsConvertedToTarAndBack() throws IOException {
        ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(zipBytes)) {
            zip.putArchiveEntry(new ZipArchiveEntry("dir/main.tf"));
            zip.write("resource {}".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        UUID id = owner.uploadFile("application/zip", zipBytes.toByteArray()).hash();
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(owner.downloadFile(id, "")))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("resource {}");
            }
        }
        assertThat(names).containsExactly("dir/main.tf");
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(owner.downloadFile(id, "zip")))) {
            assertThat(in.getNextEntry().getName()).isEqualTo("dir/main.tf");
        }
    }

    @Test
    void filesAreVisibleToTheirUploaderAndAdminsOnly() {
        UUID id = member.uploadFile("application/x-tar", EchoTemplates.tar(Map.of("a", UUID.randomUUID().toString()))).hash();
        assertThat(member.downloadFile(id, "")).isNotEmpty();
        assertThat(owner.downloadFile(id, "")).isNotEmpty();
        assertThatThrownBy(() -> otherMember.downloadFile(id, ""))
                .isInstanceOfSatisfying(CoderApiException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void unsupportedContentTypeIsRejected() {
        assertThat(owner.sendRaw("POST", "/api/v2/files", "text/plain", new byte[] {1}).statusCode()).isEqualTo(400);
    }

    @Test
    void pathTraversalIsRejected() {
        assertRejected(tar(t -> put(t, fileEntry("../evil.tf", 1), new byte[] {1})), "../evil.tf");
        assertRejected(tar(t -> put(t, fileEntry("ok/../../evil.tf", 1), new byte[] {1})), "ok/../../evil.tf");
        assertRejected(tar(t -> put(t, fileEntry("/etc/passwd", 1), new byte[] {1})), "/etc/passwd");
    }

    @Test
    void linksThatEscapeTheRootAreRejected() {
        assertRejected(tar(t -> put(t, link("dir/link", TarArchiveEntry.LF_SYMLINK, "../../etc/passwd"), new byte[0])), "dir/link");
        assertRejected(tar(t -> put(t, link("abs", TarArchiveEntry.LF_SYMLINK, "/etc/passwd"), new byte[0])), "abs");
        assertRejected(tar(t -> put(t, link("hard", TarArchiveEntry.LF_LINK, "../outside"), new byte[0])), "hard");
        // A link that stays inside is fine.
        owner.uploadFile("application/x-tar", tar(t -> {
            put(t, fileEntry("dir/target", 1), new byte[] {1});
            put(t, link("dir/inside", TarArchiveEntry.LF_SYMLINK, "target"), new byte[0]);
        }));
    }

    @Test
    void deviceFilesAreRejected() {
        TarArchiveEntry device = new TarArchiveEntry("dev/sda", TarArchiveEntry.LF_BLK);
        assertRejected(tar(t -> put(t, device, new byte[0])), "dev/sda");
    }

    @Test
    void oversizedArchiveIsRejected() {
        // A header that claims more than the unpacked limit is refused before any data is read.
        byte[] archive = new byte[1024];
        fileEntry("huge.bin", FilesApi.MAX_UNPACKED_BYTES + 1).writeEntryHeader(archive);
        assertThatThrownBy(() -> owner.uploadFile("application/x-tar", archive))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.response().detail()).contains("\"huge.bin\"");
                });
    }

    private static TarArchiveEntry fileEntry(String name, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(size);
        return entry;
    }
}
