package io.plugsync.ingest.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.Tarballs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/** Untarring GitHub's archive layout: top directory stripped, git blob SHAs, only kept files held. */
class TarballReaderTest {

    @Test
    void everyFileIsListedWithItsGitBlobShaAndOnlyKeptFilesAreHeld() throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("skills/a/SKILL.md", bytes("alpha"));
        files.put("skills/b/SKILL.md", bytes("beta"));
        files.put("README.md", bytes("readme"));
        files.put("empty.txt", new byte[0]);
        byte[] archive = Tarballs.of("acme-skills-0123abc", "0123abcdef", files);

        RepositoryArchive read =
                TarballReader.read(new ByteArrayInputStream(archive), path -> path.startsWith("skills/"), 2);

        assertThat(read.blobs())
                .containsExactlyInAnyOrder(
                        new GitTree.Entry("README.md", FakeRepo.blobSha(bytes("readme")), 6),
                        new GitTree.Entry("empty.txt", "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", 0),
                        new GitTree.Entry("skills/a/SKILL.md", FakeRepo.blobSha(bytes("alpha")), 5),
                        new GitTree.Entry("skills/b/SKILL.md", FakeRepo.blobSha(bytes("beta")), 4));
        assertThat(read.contents()).containsOnlyKeys(FakeRepo.blobSha(bytes("alpha")), FakeRepo.blobSha(bytes("beta")));
        assertThat(read.contents().get(FakeRepo.blobSha(bytes("alpha")))).isEqualTo(bytes("alpha"));
        assertThat(read.requests()).isEqualTo(2);
    }

    @Test
    void symlinksAndDirectoriesAreNotFiles() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.putArchiveEntry(new TarArchiveEntry("top/"));
            tar.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry("top/skills/link.md", TarConstants.LF_SYMLINK);
            link.setLinkName("../README.md");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            TarArchiveEntry file = new TarArchiveEntry("top/skills/real.md");
            file.setSize(4);
            tar.putArchiveEntry(file);
            tar.write(bytes("real"));
            tar.closeArchiveEntry();
        }

        RepositoryArchive read = TarballReader.read(new ByteArrayInputStream(out.toByteArray()), path -> true, 1);

        assertThat(read.blobs()).extracting(GitTree.Entry::path).containsExactly("skills/real.md");
    }

    @Test
    void onlyTheApiOriginIsTheApiOrigin() {
        URI api = URI.create("https://api.github.com");
        assertThat(GithubApi.sameOrigin(URI.create("https://api.github.com:443/repos/a/b/tarball/x"), api))
                .isTrue();
        assertThat(GithubApi.sameOrigin(URI.create("https://codeload.github.com/a/b/legacy.tar.gz/x"), api))
                .isFalse();
        assertThat(GithubApi.sameOrigin(URI.create("http://api.github.com/repos"), api))
                .isFalse();
        assertThat(GithubApi.sameOrigin(URI.create("https://api.github.com.evil.example/repos"), api))
                .isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
