package io.plugsync.api.mcp;

/** A tool refused to act for a reason of MCP policy; the message tells the agent what to do instead. */
public class ToolRefusal extends RuntimeException {
    public ToolRefusal(String message) {
        super(message, null, false, false);
    }
}
