package io.plugsync.ingest.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Real {@code .tar.gz} archives laid out as GitHub's tarball endpoint lays them out. */
public final class Tarballs {
    private Tarballs() {}

    /**
     * A pax global header carrying the commit (as {@code git archive} writes it), the top directory
     * {@code top/}, every directory, then the files under it.
     */
    public static byte[] of(String top, String commit, Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            // commons-compress writes (and closes) a global header from its pax headers
            TarArchiveEntry global =
                    new TarArchiveEntry("pax_global_header", TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER);
            global.addPaxHeader("comment", commit);
            tar.putArchiveEntry(global);
            TreeSet<String> dirs = new TreeSet<>();
            dirs.add(top + "/");
            files.keySet().forEach(path -> {
                for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
                    dirs.add(top + "/" + path.substring(0, i + 1));
                }
            });
            for (String dir : dirs) {
                tar.putArchiveEntry(new TarArchiveEntry(dir));
                tar.closeArchiveEntry();
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(top + "/" + file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
