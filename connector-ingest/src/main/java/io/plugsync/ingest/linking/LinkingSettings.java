package io.plugsync.ingest.linking;

import io.plugsync.ingest.github.GithubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Whether linking is configured, and what it is built from: the state codec and the App's URLs. */
@ApplicationScoped
public class LinkingSettings {
    private final GithubConfig github;
    private final LinkingConfig linking;
    private final Clock clock = Clock.systemUTC();
    private volatile InstallStateCodec codec;

    public LinkingSettings(GithubConfig github, LinkingConfig linking) {
        this.github = github;
        this.linking = linking;
    }

    /** Settings linking cannot work without, by property name; empty when it can. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (blank(github.appSlug())) missing.add("plugsync.github.app-slug");
        if (blank(github.clientId())) missing.add("plugsync.github.client-id");
        if (blank(github.clientSecret())) missing.add("plugsync.github.client-secret");
        if (linking.stateSecret()
                .filter(s -> s.length() >= InstallStateCodec.MIN_SECRET_LENGTH)
                .isEmpty()) {
            missing.add("plugsync.github.linking.state-secret");
        }
        return missing;
    }

    /** Throws the 503 problem when linking is not configured. */
    public void requireConfigured() {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw LinkingProblems.notConfigured(missing);
        }
    }

    public InstallStateCodec codec() {
        if (codec == null) {
            codec = new InstallStateCodec(linking.stateSecret().orElseThrow(), clock);
        }
        return codec;
    }

    public Clock clock() {
        return clock;
    }

    public Duration stateTtl() {
        return linking.stateTtl();
    }

    public Optional<String> dashboardUrl() {
        return linking.dashboardUrl().filter(s -> !s.isBlank());
    }

    /** GitHub's page that installs the App, carrying {@code state} back to the setup callback. */
    public String installUrl(String state) {
        String web = github.webUrl().endsWith("/")
                ? github.webUrl().substring(0, github.webUrl().length() - 1)
                : github.webUrl();
        return web + "/apps/" + URLEncoder.encode(github.appSlug().orElseThrow(), StandardCharsets.UTF_8)
                + "/installations/new?state=" + URLEncoder.encode(state, StandardCharsets.UTF_8);
    }

    private static boolean blank(Optional<String> value) {
        return value.filter(s -> !s.isBlank()).isEmpty();
    }
}
