package io.plugsync.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Human output (aligned tables, colour only on a terminal) or JSON for scripts. */
public final class Output {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean colour;

    public Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.colour = System.console() != null && System.getenv("NO_COLOR") == null;
    }

    public boolean json() {
        return json;
    }

    public void json(JsonNode node) {
        try {
            out.println(ApiClient.JSON
                    .copy()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    public void line(String text) {
        if (!json) {
            out.println(text);
            out.flush();
        }
    }

    public void error(String text) {
        err.println(colour ? "\u001b[31m" + text + "\u001b[0m" : text);
        err.flush();
    }

    public String green(String text) {
        return colour ? "\u001b[32m" + text + "\u001b[0m" : text;
    }

    public String yellow(String text) {
        return colour ? "\u001b[33m" + text + "\u001b[0m" : text;
    }

    /** Prints rows as columns padded to the widest cell. */
    public void table(List<String> header, List<List<String>> rows) {
        if (json) {
            return;
        }
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] =
                        Math.max(widths[i], row.get(i) == null ? 0 : row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i) == null ? "" : row.get(i);
                line.append(i + 1 < row.size() ? String.format("%-" + widths[i] + "s  ", cell) : cell);
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
