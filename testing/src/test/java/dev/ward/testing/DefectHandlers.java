package dev.ward.testing;

import dev.ward.Body;
import dev.ward.Get;
import dev.ward.PathParam;
import dev.ward.Post;
import dev.ward.Responds;
import dev.ward.Response;
import dev.ward.testing.KitHandlers.Part;
import java.util.Optional;

/** Routes under {@code /defects} with one planted defect each, which {@link WardContract} must find. */
public class DefectHandlers {
    /** Defect: fails on the int32 edge (the 500 Ward answers to a bug). */
    @Get("/defects/edge/{count}")
    public String edge(@PathParam("count") int count) {
        if (count == Integer.MAX_VALUE) {
            throw new IllegalStateException("planted: count + 1 overflows");
        }
        return Integer.toString(count + 1);
    }

    /** Defect: a part without its required name, which the codec leaves out. */
    @Post("/defects/parts")
    public Part part(@Body Part part) {
        return new Part(null, part.count(), Optional.empty());
    }

    /** Defect: 202, a status the contract does not declare. */
    @Get("/defects/status")
    @Responds(status = 200, body = String.class, description = "the status")
    public Response status() {
        return Response.status(202);
    }
}
