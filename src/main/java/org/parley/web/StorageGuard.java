package org.parley.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.parley.store.StorageFaults;

/**
 * Refuses writes while an H2 database's disk is nearly full ({@link StorageFaults#nearlyFull}): a 507 problem before
 * the database is asked, so that H2 never fails a write for want of space (see there why). Reads go on.
 */
public class StorageGuard {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final StorageFaults storage;

    public StorageGuard(StorageFaults storage) {
        this.storage = storage;
    }

    @ServerRequestFilter
    public Response refuseWritesWhenNearlyFull(ContainerRequestContext request) {
        if (READS.contains(request.getMethod()) || !storage.nearlyFull()) {
            return null;
        }
        String detail = "The database's disk is full: less than " + storage.minFree() / (1024 * 1024)
                + " MiB left, which Parley keeps free; nothing was changed; reads go on; retry once space is freed";
        storage.refused(new IOException(detail));
        return ProblemMappers.insufficientStorage(request.getUriInfo().getRequestUri().getRawPath(), detail);
    }
}
