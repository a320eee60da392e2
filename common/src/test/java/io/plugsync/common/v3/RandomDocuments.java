package io.plugsync.common.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded generators of JSON values and V3-shaped documents for property tests. */
final class RandomDocuments {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] KEYS = {"a", "b", "c", "email", "name", "x~y", "p/q", "region", "n"};

    private final Random random;

    RandomDocuments(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A V3-shaped document (three sections with random members). */
    ObjectNode document() {
        ObjectNode doc = F.objectNode();
        doc.set(V3Document.ENTITIES, object(2));
        doc.set(V3Document.EVENT_FLOWS, object(2));
        doc.set(V3Document.SETTINGS, object(2));
        return doc;
    }

    ObjectNode object(int depth) {
        ObjectNode node = F.objectNode();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            node.set(key(), value(depth - 1));
        }
        return node;
    }

    JsonNode value(int depth) {
        int kind = random.nextInt(depth > 0 ? 7 : 5);
        return switch (kind) {
            case 0 -> F.textNode("s" + random.nextInt(4));
            case 1 -> F.numberNode(random.nextInt(100));
            case 2 -> F.booleanNode(random.nextBoolean());
            case 3 -> F.numberNode(random.nextInt(1000) / 8.0);
            case 4 -> F.textNode(key());
            case 5 -> object(depth);
            default -> array(depth);
        };
    }

    ArrayNode array(int depth) {
        ArrayNode node = F.arrayNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            node.add(value(depth - 1));
        }
        return node;
    }

    String key() {
        return KEYS[random.nextInt(KEYS.length)] + random.nextInt(3);
    }

    /** Randomly edits a copy of {@code doc}: sets, replaces and removes members at any depth. */
    ObjectNode mutate(ObjectNode doc) {
        ObjectNode copy = doc.deepCopy();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            ObjectNode target = randomObject(copy);
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            if (!names.isEmpty() && random.nextInt(3) == 0 && target != copy) {
                target.remove(names.get(random.nextInt(names.size())));
            } else {
                target.set(
                        target == copy ? V3Document.SECTIONS.get(random.nextInt(3)) : key(),
                        target == copy ? object(2) : value(2));
            }
        }
        return copy;
    }

    private ObjectNode randomObject(ObjectNode root) {
        ObjectNode current = root;
        while (true) {
            List<ObjectNode> children = new ArrayList<>();
            current.elements().forEachRemaining(child -> {
                if (child.isObject()) {
                    children.add((ObjectNode) child);
                }
            });
            if (children.isEmpty() || (current != root && random.nextInt(3) == 0)) {
                return current;
            }
            current = children.get(random.nextInt(children.size()));
        }
    }
}
