package io.plugsync.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.json.CanonicalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A connector's V3 document as files, readable in a git diff: {@code settings.json},
 * {@code entities/<name>.json}, {@code event-flows/<source>/<type>.json} and {@code plugsync.json}
 * (which connector, and the version and draft revision the files were last pulled or pushed at).
 * YAML ({@code .yaml}/{@code .yml}) is accepted wherever JSON is.
 */
public final class ConfigDir {
    public static final String META = "plugsync.json";
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml");

    private final Path dir;

    public ConfigDir(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path path() {
        return dir;
    }

    /** What {@code plugsync.json} records. */
    public record Meta(String connector, String connectorId, int version, long draftRevision) {}

    public Meta meta() {
        Path file = dir.resolve(META);
        if (!Files.isRegularFile(file)) {
            throw new CliException(
                    ExitCodes.USAGE, dir + " has no " + META + ": run 'plugsync pull <connector> " + dir + "' first");
        }
        JsonNode node = parse(file);
        return new Meta(
                node.path("connector").asText(null),
                node.path("connector_id").asText(null),
                node.path("version").asInt(0),
                node.path("draft_revision").asLong(0));
    }

    public void writeMeta(Meta meta) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("connector", meta.connector());
        node.put("connector_id", meta.connectorId());
        node.put("version", meta.version());
        node.put("draft_revision", meta.draftRevision());
        write(dir.resolve(META), node);
    }

    /** Replaces the document files with {@code document} (stale entity and flow files are removed). */
    public void writeDocument(JsonNode document) {
        deleteDocumentFiles();
        write(dir.resolve("settings.json"), document.path("settings"));
        document.path("entities")
                .fields()
                .forEachRemaining(e -> write(dir.resolve("entities").resolve(e.getKey() + ".json"), e.getValue()));
        document.path("event_flows").fields().forEachRemaining(e -> {
            String key = e.getKey();
            int slash = key.indexOf('/');
            Path file = dir.resolve("event-flows")
                    .resolve(key.substring(0, slash))
                    .resolve(key.substring(slash + 1) + ".json");
            write(file, e.getValue());
        });
    }

    /** The document the files describe. Parse errors name the file and, where known, the line. */
    public ObjectNode readDocument() {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        Path settings = find(dir, "settings");
        document.set("settings", settings == null ? JsonNodeFactory.instance.objectNode() : parse(settings));
        ObjectNode entities = document.putObject("entities");
        for (Path file : documentFiles(dir.resolve("entities"), 1)) {
            entities.set(stripExtension(file.getFileName().toString()), parse(file));
        }
        ObjectNode flows = document.putObject("event_flows");
        for (Path file : documentFiles(dir.resolve("event-flows"), 2)) {
            String source = file.getParent().getFileName().toString();
            flows.set(source + "/" + stripExtension(file.getFileName().toString()), parse(file));
        }
        return document;
    }

    /** The file a document pointer lives in, and the pointer inside that file. */
    public String locate(String pointer) {
        List<String> parts = pointerParts(pointer);
        if (parts.isEmpty()) {
            return "(document)";
        }
        String rest;
        Path file;
        switch (parts.get(0)) {
            case "settings" -> {
                file = dir.resolve("settings.json");
                rest = join(parts.subList(1, parts.size()));
            }
            case "entities" -> {
                if (parts.size() < 2) {
                    return "entities/";
                }
                file = existing(dir.resolve("entities"), parts.get(1));
                rest = join(parts.subList(2, parts.size()));
            }
            case "event_flows" -> {
                if (parts.size() < 2 || !parts.get(1).contains("/")) {
                    return "event-flows/";
                }
                String[] key = parts.get(1).split("/", 2);
                file = existing(dir.resolve("event-flows").resolve(key[0]), key[1]);
                rest = join(parts.subList(2, parts.size()));
            }
            default -> {
                return pointer;
            }
        }
        return dir.relativize(file) + (rest.isEmpty() ? "" : " at " + rest);
    }

    private static Path existing(Path folder, String name) {
        Path found = find(folder, name);
        return found == null ? folder.resolve(name + ".json") : found;
    }

    private static List<String> pointerParts(String pointer) {
        List<String> parts = new ArrayList<>();
        if (pointer == null || pointer.isEmpty()) {
            return parts;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            parts.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return parts;
    }

    private static String join(List<String> parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach(p -> out.append('/').append(p.replace("~", "~0").replace("/", "~1")));
        return out.toString();
    }

    private static Path find(Path folder, String name) {
        for (String ext : EXTENSIONS) {
            Path candidate = folder.resolve(name + ext);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<Path> documentFiles(Path folder, int depth) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder, depth)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> dirDepth(folder, f) == depth)
                    .filter(f -> EXTENSIONS.stream()
                            .anyMatch(ext -> f.getFileName().toString().endsWith(ext)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int dirDepth(Path folder, Path file) {
        return folder.relativize(file).getNameCount();
    }

    private void deleteDocumentFiles() {
        List<Path> stale = new ArrayList<>(documentFiles(dir.resolve("entities"), 1));
        stale.addAll(documentFiles(dir.resolve("event-flows"), 2));
        for (String ext : EXTENSIONS) {
            stale.add(dir.resolve("settings" + ext));
        }
        try {
            for (Path file : stale) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripExtension(String name) {
        for (String ext : EXTENSIONS) {
            if (name.endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    static void write(Path file, JsonNode node) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, PRETTY.writeValueAsString(CanonicalJson.sortKeys(node)) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON or YAML by extension; a parse error is an {@link ExitCodes#INVALID} with file and line. */
    static JsonNode parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
        String name = file.getFileName().toString();
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            try {
                Object value = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
                return ApiClient.JSON.valueToTree(value == null ? Map.of() : value);
            } catch (MarkedYAMLException e) {
                throw new CliException(
                        ExitCodes.INVALID, file + ":" + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem());
            } catch (RuntimeException e) {
                throw new CliException(ExitCodes.INVALID, file + ": not valid YAML: " + e.getMessage());
            }
        }
        try {
            return ApiClient.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new CliException(ExitCodes.INVALID, file + where + ": not valid JSON: " + e.getOriginalMessage());
        }
    }
}
