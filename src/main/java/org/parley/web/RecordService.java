package org.parley.web;

import java.util.function.Consumer;
import java.util.function.Function;
import org.parley.store.Record;
import org.parley.store.Rendered;

/**
 * What a collection's service does for {@link RecordResource}: read a record as stored, create one, and replace or
 * delete one as it stands, where the resource's function checks the request's preconditions against it.
 *
 * @param <E> the entity
 * @param <Q> the request that creates or replaces one
 * @param <R> the response a read shows
 */
public interface RecordService<E extends Record, Q, R> {

    Rendered<R> read(long id);

    E create(Q request);

    E update(long id, Function<Rendered<R>, Q> change);

    void delete(long id, Consumer<Rendered<R>> precondition);
}
