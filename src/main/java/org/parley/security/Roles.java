package org.parley.security;

/** Role names. */
public final class Roles {

    /** May create, replace and delete records. */
    public static final String EDITOR = "editor";

    private Roles() {
    }
}
