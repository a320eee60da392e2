package io.plugsync.api.library.delivery;

import io.plugsync.common.json.CanonicalJson;
import java.nio.charset.StandardCharsets;

/** Strong entity tags of the delivery endpoints and {@code If-None-Match} matching (RFC 9110). */
final class ETags {
    private ETags() {}

    /** The list's tag: over each plugin's (id, version, checksum) in list order. */
    static String of(MyPluginList list) {
        StringBuilder input = new StringBuilder();
        for (MyPluginSummary plugin : list.items()) {
            input.append(plugin.pluginId())
                    .append(' ')
                    .append(plugin.version())
                    .append(' ')
                    .append(plugin.checksum())
                    .append('\n');
        }
        return quoted(CanonicalJson.sha256(input.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** One plugin's tag: its document checksum. */
    static String of(MyPlugin plugin) {
        return quoted(plugin.checksum());
    }

    /** Whether {@code If-None-Match} names {@code etag} ({@code *} or a list; weak comparison, as the RFC asks). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
