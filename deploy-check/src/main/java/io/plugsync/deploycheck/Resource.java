package io.plugsync.deploycheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Kubernetes object as parsed YAML, with null-safe navigation. */
public record Resource(Map<String, Object> body) {

    public String kind() {
        return Yaml.string(body, "kind");
    }

    public String name() {
        return Yaml.string(Yaml.map(body, "metadata"), "name");
    }

    public String id() {
        return kind() + "/" + name();
    }

    public Map<String, Object> metadata() {
        return Yaml.map(body, "metadata");
    }

    public Map<String, Object> spec() {
        return Yaml.map(body, "spec");
    }

    /** The pod template of a Deployment, StatefulSet, DaemonSet or Job (null for other kinds). */
    public Map<String, Object> podTemplate() {
        return switch (kind()) {
            case "Deployment", "StatefulSet", "DaemonSet", "Job" -> Yaml.map(spec(), "template");
            case "CronJob" -> Yaml.map(Yaml.map(Yaml.map(spec(), "jobTemplate"), "spec"), "template");
            default -> null;
        };
    }

    public Map<String, Object> podSpec() {
        Map<String, Object> template = podTemplate();
        return template == null ? null : Yaml.map(template, "spec");
    }

    /** Containers and init containers of the pod template. */
    public List<Map<String, Object>> containers() {
        List<Map<String, Object>> all = new ArrayList<>();
        Map<String, Object> pod = podSpec();
        if (pod != null) {
            all.addAll(Yaml.maps(pod, "initContainers"));
            all.addAll(Yaml.maps(pod, "containers"));
        }
        return all;
    }
}
