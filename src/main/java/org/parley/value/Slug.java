package org.parley.value;

/** The form of a topic's slug, the key events and statements name it by in requests and filters. */
public final class Slug {

    /** Lowercase letters, digits and single hyphens, such as {@code kazakhstan-unrest}. */
    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private Slug() {
    }
}
