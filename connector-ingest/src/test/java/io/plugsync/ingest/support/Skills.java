package io.plugsync.ingest.support;

/** SKILL.md contents. */
public final class Skills {
    private Skills() {}

    public static String skill(String name, String description) {
        return "---\nname: " + name + "\ndescription: " + description + "\n---\n# " + name + "\n\nSteps for " + name
                + ".\n";
    }

    /** Frontmatter whose name breaks the skill naming rule. */
    public static String broken() {
        return "---\nname: Not A Valid Name!\ndescription: broken\n---\nbody\n";
    }
}
