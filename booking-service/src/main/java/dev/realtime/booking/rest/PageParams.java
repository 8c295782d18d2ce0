package dev.realtime.booking.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The page a listing asks for: {@code ?page=} from 0, {@code ?size=} from 1 to 100. */
public class PageParams {

    @Parameter(description = "from 0")
    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(100000)
    int page;

    @Parameter(description = "the most items a page holds")
    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(100)
    int size;
}
