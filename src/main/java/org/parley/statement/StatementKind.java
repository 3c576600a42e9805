package org.parley.statement;

/** Whether the source quotes the speaker's words or reports them. */
public enum StatementKind {
    DIRECT_QUOTE,
    REPORTED
}
