package io.plugsync.common.source;

import java.util.regex.Pattern;

/**
 * What a GitHub repository and branch name may look like: the one rule for config-api's target
 * requests and connector-ingest's validate-target (an admin's input is refused before GitHub is asked).
 */
public final class GithubNames {
    private GithubNames() {}

    /** {@code owner/name}, each part GitHub's allowed characters, at most 100. */
    public static final Pattern REPOSITORY = Pattern.compile("^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$");

    /** A branch name as git check-ref-format allows it (no {@code //}, {@code ..}, trailing slash, spaces, ...). */
    public static final Pattern BRANCH =
            Pattern.compile("^(?!/)(?!.*//)(?!.*\\.\\.)(?!.*/$)[^\\s~^:?*\\[\\\\]{1,255}$");
}
