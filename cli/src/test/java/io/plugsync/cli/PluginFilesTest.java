package io.plugsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A pulled plugin's files stay inside the target directory, whatever path a member claims. */
class PluginFilesTest {
    @TempDir
    Path dir;

    @Test
    void aMemberIsWrittenAtItsPathWithParentDirectories() throws Exception {
        Path written = PluginFiles.write(dir, "skills/pdf-tools/SKILL.md", "# PDF ✓\n");
        assertThat(written).isEqualTo(dir.toAbsolutePath().resolve("skills/pdf-tools/SKILL.md"));
        assertThat(Files.readString(written)).isEqualTo("# PDF ✓\n");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/etc/passwd",
                "../outside.md",
                "skills/../../outside.md",
                "skills/..",
                "..",
                "C:/windows/x",
                "skills\\..\\..\\x",
                "",
                "."
            })
    void pathsThatAreAbsoluteOrLeaveTheDirectoryAreRefused(String path) {
        assertThatThrownBy(() -> PluginFiles.write(dir, path, "x"))
                .isInstanceOfSatisfying(
                        CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.INVALID));
        assertThat(dir.getParent().resolve("outside.md")).doesNotExist();
    }

    @Test
    void aPluginNameBecomesADirectorySlug() {
        assertThat(PluginFiles.slug("Sales Kit (EU) — Café")).isEqualTo("sales-kit-eu-cafe");
        assertThat(PluginFiles.slug("../..")).isEqualTo("plugin");
    }
}
