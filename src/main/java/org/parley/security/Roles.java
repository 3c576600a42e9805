package org.parley.security;

/** Role names. */
public final class Roles {

    /** May create, replace and delete records. */
    public static final String EDITOR = "editor";

    /** May create, change and disable curators' accounts and reset their passwords. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
