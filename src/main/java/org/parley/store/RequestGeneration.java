package org.parley.store;

import jakarta.enterprise.context.RequestScoped;

/** The {@link DataGeneration} as read once for the request being answered, for everything cached per generation. */
@RequestScoped
public class RequestGeneration {

    private final DataGeneration generation;
    private long value = -1;

    public RequestGeneration(DataGeneration generation) {
        this.generation = generation;
    }

    public long get() {
        if (value < 0) {
            value = generation.current();
        }
        return value;
    }
}
