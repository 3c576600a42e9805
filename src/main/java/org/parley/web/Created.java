package org.parley.web;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/** A 201 response whose {@code Location} is the collection's URL plus the new id. */
public final class Created {

    private Created() {
    }

    public static <T> RestResponse<T> at(UriInfo uri, Long id, T body) {
        return RestResponse.ResponseBuilder.<T>created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build())
                .entity(body).build();
    }
}
