package org.parley.store;

import java.util.List;

/** One page of records, the number matching over all pages, and the cursor of the next rows in keyset mode. */
public record Page<E>(List<E> items, long total, String nextCursor) {

    /** The same page with other items in place of these (the same records, shown otherwise). */
    public <R> Page<R> with(List<R> others) {
        return new Page<>(others, total, nextCursor);
    }
}
