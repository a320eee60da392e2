package io.plugsync.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the config-api is and which token to use, first match wins: command-line flags, then the
 * environment ({@code PLUGSYNC_URL}, {@code PLUGSYNC_TOKEN}), then {@code .plugsync/local.env} in the
 * working directory or a parent (written by {@code ./plugsync local}), then the profile file
 * {@code $XDG_CONFIG_HOME/plugsync/config.properties} ({@code url=}, {@code token=}).
 */
public record Settings(String url, String token) {

    public static Settings resolve(String urlFlag, String tokenFlag, Map<String, String> env, Path workingDir) {
        Properties localEnv = localEnv(workingDir);
        Properties profile = profile(env);
        String url = first(
                urlFlag,
                env.get("PLUGSYNC_URL"),
                localEnv.getProperty("PLUGSYNC_URL"),
                localEnv.getProperty("CONFIG_API_URL"),
                profile.getProperty("url"));
        String token = first(
                tokenFlag,
                env.get("PLUGSYNC_TOKEN"),
                localEnv.getProperty("PLUGSYNC_TOKEN"),
                profile.getProperty("token"));
        if (url == null) {
            throw new CliException(
                    ExitCodes.USAGE,
                    "no config-api URL: pass --url, set PLUGSYNC_URL, run ./plugsync local, or put url= in "
                            + profilePath(env));
        }
        return new Settings(url.endsWith("/") ? url.substring(0, url.length() - 1) : url, token);
    }

    static Path profilePath(Map<String, String> env) {
        String base = Optional.ofNullable(env.get("XDG_CONFIG_HOME"))
                .filter(s -> !s.isBlank())
                .orElse(Path.of(Optional.ofNullable(env.get("HOME")).orElse("."), ".config")
                        .toString());
        return Path.of(base, "plugsync", "config.properties");
    }

    private static Properties localEnv(Path workingDir) {
        for (Path dir = workingDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(".plugsync/local.env");
            if (Files.isRegularFile(file)) {
                return load(file);
            }
        }
        return new Properties();
    }

    private static Properties profile(Map<String, String> env) {
        Path file = profilePath(env);
        return Files.isRegularFile(file) ? load(file) : new Properties();
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            // an unreadable file is the same as a missing one
        }
        return properties;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
