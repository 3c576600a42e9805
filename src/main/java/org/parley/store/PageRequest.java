package org.parley.store;

/**
 * Which part of a list to answer: a page by number, or, in keyset mode, the rows after a cursor ({@code after} is
 * null for the first rows). {@code sort} is the sort as the client wrote it, which a cursor must match.
 */
public record PageRequest(int page, int size, boolean keyset, Cursor after, String sort) {
}
