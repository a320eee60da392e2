package io.plugsync.ingest.github;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a GitHub tarball ({@code .tar.gz} whose entries sit under one {@code owner-repo-sha/}
 * directory) as it streams: each regular file's git blob SHA ({@code sha1("blob " + size + "\0" +
 * bytes)}, the SHA the tree API reports), and the bytes of the files {@code keep} selects. Other
 * files are hashed through a small buffer and never held. Symlinks, directories and the pax
 * global header are skipped, as the tree path skips symlinks and sub-trees.
 */
public final class TarballReader {
    private static final int CHUNK = 64 * 1024;

    private TarballReader() {}

    public static RepositoryArchive read(InputStream gzipped, Predicate<String> keep, int requests) throws IOException {
        List<GitTree.Entry> blobs = new ArrayList<>();
        Map<String, byte[]> contents = new HashMap<>();
        MessageDigest sha1 = sha1();
        byte[] chunk = new byte[CHUNK];
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(gzipped, CHUNK))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile() || entry.isSymbolicLink() || entry.isLink() || entry.isGlobalPaxHeader()) {
                    continue;
                }
                String path = withoutTopDirectory(entry.getName());
                if (path.isEmpty()) {
                    continue;
                }
                long size = entry.getSize();
                boolean kept = keep.test(path);
                sha1.reset();
                sha1.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
                byte[] content = kept ? readAll(tar, size, sha1) : null;
                if (!kept) {
                    for (int n; (n = tar.read(chunk)) > 0; ) {
                        sha1.update(chunk, 0, n);
                    }
                }
                String sha = HexFormat.of().formatHex(sha1.digest());
                blobs.add(new GitTree.Entry(path, sha, size));
                if (kept) {
                    contents.putIfAbsent(sha, content);
                }
            }
        }
        return new RepositoryArchive(blobs, contents, requests);
    }

    private static byte[] readAll(InputStream in, long size, MessageDigest sha1) throws IOException {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("file of " + size + " bytes is too large to ingest");
        }
        byte[] out = in.readNBytes((int) size);
        if (out.length != size) {
            throw new IOException("archive ended inside a file");
        }
        sha1.update(out);
        return out;
    }

    /** {@code acme-skills-0123abc/sales/SKILL.md} -> {@code sales/SKILL.md}. */
    static String withoutTopDirectory(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(slash + 1);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
