package org.parley.web;

/**
 * A collection's list filters, read from query parameters as a {@code @BeanParam}.
 *
 * @param <X> the query they make
 */
public interface FilterParams<X> {

    /** The query these parameters ask for; what is wrong with them is added to {@code params}. */
    X toQuery(Params params);
}
