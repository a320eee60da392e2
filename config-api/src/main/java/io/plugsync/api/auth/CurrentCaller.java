package io.plugsync.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.TokenCaller;
import jakarta.enterprise.context.RequestScoped;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, read once from its verified bearer token. */
@RequestScoped
public class CurrentCaller {
    /**
     * Callers by raw token: reading the {@code orgs} claim converts it to JSON-P on every call. Only
     * consulted after this request's token was verified, so an entry never authenticates anything.
     */
    private static final Cache<String, Caller> CALLERS = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    private final JsonWebToken token;
    private Caller caller;

    public CurrentCaller(JsonWebToken token) {
        this.token = token;
    }

    public Caller get() {
        if (caller == null) {
            String raw = token.getRawToken();
            caller = raw == null ? TokenCaller.from(token) : CALLERS.get(raw, ignored -> TokenCaller.from(token));
        }
        return caller;
    }
}
