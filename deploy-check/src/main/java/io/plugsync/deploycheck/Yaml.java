package io.plugsync.deploycheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Parsing and null-safe reads of YAML trees (maps, lists, scalars). */
public final class Yaml {
    private Yaml() {}

    /** Every non-empty document of a multi-document YAML stream. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> documents(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (document instanceof Map<?, ?> map) {
                documents.add((Map<String, Object>) map);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> parent, String key) {
        if (parent == null) {
            return null;
        }
        return parent.get(key) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(Map<String, Object> parent, String key) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (parent != null && parent.get(key) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    out.add((Map<String, Object>) map);
                }
            }
        }
        return out;
    }

    public static List<String> strings(Map<String, Object> parent, String key) {
        List<String> out = new ArrayList<>();
        if (parent != null && parent.get(key) instanceof List<?> list) {
            list.forEach(item -> out.add(String.valueOf(item)));
        }
        return out;
    }

    public static String string(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value == null ? null : String.valueOf(value);
    }

    public static boolean isTrue(Map<String, Object> parent, String key) {
        return parent != null && Boolean.TRUE.equals(parent.get(key));
    }
}
