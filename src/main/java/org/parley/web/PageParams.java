package org.parley.web;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging parameters every list takes. They arrive as text and are parsed by {@link Params}, so that "size=abc"
 * or "size=501" is a 400 problem naming the parameter.
 */
public class PageParams {

    @QueryParam("page")
    @Parameter(description = "0-based page number",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    public String page;

    @QueryParam("size")
    @Parameter(description = "Items per page, at most " + Paging.MAX_SIZE,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = Paging.DEFAULT_SIZE))
    public String size;

    /** Read by {@link FieldSelection}; here to be documented with every list. */
    @QueryParam("fields")
    @Parameter(description = "Comma-separated properties to keep in each item, e.g. `id,date,title`")
    public String fields;

    @QueryParam("cursor")
    @Parameter(description = "Keyset paging: `*` for the first rows, then the `nextCursor` of the previous answer."
            + " Stable under concurrent inserts and as fast deep in a list as at its start; not with `page`.")
    public String cursor;
}
