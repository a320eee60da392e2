package io.plugsync.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

/** Where a pulled plugin's member files go: always inside the target directory, never elsewhere. */
final class PluginFiles {
    private PluginFiles() {}

    /**
     * {@code dir/path}, or a usage error when {@code path} is empty, absolute or leaves {@code dir}
     * ({@code ..}); the server never sends such paths, but a pull must not trust that.
     */
    static Path resolve(Path dir, String path) {
        if (path == null || path.isBlank()) {
            throw new CliException(ExitCodes.INVALID, "refusing a member without a path");
        }
        if (path.startsWith("/") || path.startsWith("\\") || path.contains("\\") || path.matches("^[A-Za-z]:.*")) {
            throw new CliException(ExitCodes.INVALID, "refusing absolute path " + path);
        }
        Path relative = Path.of(path);
        if (relative.isAbsolute()) {
            throw new CliException(ExitCodes.INVALID, "refusing absolute path " + path);
        }
        for (Path segment : relative) {
            if (segment.toString().equals("..")) {
                throw new CliException(ExitCodes.INVALID, "refusing path " + path + ": it leaves " + dir);
            }
        }
        Path base = dir.toAbsolutePath().normalize();
        Path target = base.resolve(relative).normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new CliException(ExitCodes.INVALID, "refusing path " + path + ": it leaves " + dir);
        }
        return target;
    }

    /** Writes {@code content} (UTF-8) at {@code dir/path}, creating parent directories. */
    static Path write(Path dir, String path, String content) {
        Path target = resolve(dir, path);
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, content == null ? "" : content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCodes.SERVER, "cannot write " + target + ": " + e.getMessage());
        }
        return target;
    }

    /** A directory name for a plugin: lower case letters, digits and dashes. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "plugin" : slug;
    }
}
