package io.plugsync.api.library.types;

import io.plugsync.common.http.ProblemException;
import io.plugsync.common.library.ObjectType;

/**
 * The object types with convenience routes ({@code /skills}, {@code /agents}, {@code /commands},
 * {@code /mcps}), each fixed to one {@link ObjectType} of the shared config-object model.
 */
public enum TypedKind {
    SKILLS("skills", ObjectType.SKILL),
    AGENTS("agents", ObjectType.AGENT),
    COMMANDS("commands", ObjectType.COMMAND),
    MCPS("mcps", ObjectType.MCP);

    /** The path template matching every kind. */
    static final String PATH = "{kind: skills|agents|commands|mcps}";

    final String segment;
    final ObjectType type;

    TypedKind(String segment, ObjectType type) {
        this.segment = segment;
        this.type = type;
    }

    static TypedKind of(String segment) {
        for (TypedKind kind : values()) {
            if (kind.segment.equals(segment)) {
                return kind;
            }
        }
        throw ProblemException.notFound("/" + segment);
    }
}
