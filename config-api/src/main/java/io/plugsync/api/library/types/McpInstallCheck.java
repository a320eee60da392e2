package io.plugsync.api.library.types;

import java.util.List;
import java.util.UUID;

/**
 * A static install check of an MCP config's latest version: per server its transport, what it runs
 * or reaches, the environment variables it references and what a client must provide. Nothing is
 * run or contacted. {@code installable} is false when a server has a problem a client cannot fix.
 */
public record McpInstallCheck(UUID configObjectId, UUID versionId, boolean installable, List<Server> servers) {

    /**
     * @param requiredEnv variables referenced as {@code ${NAME}} / {@code ${env:NAME}}, or env keys
     *     left empty: the client must set them
     * @param optionalEnv variables referenced with a default ({@code ${NAME:-default}})
     */
    public record Server(
            String name,
            String transport,
            String command,
            List<String> args,
            String url,
            List<String> requiredEnv,
            List<String> optionalEnv,
            List<String> clientMustProvide,
            List<String> problems,
            List<String> warnings) {}
}
