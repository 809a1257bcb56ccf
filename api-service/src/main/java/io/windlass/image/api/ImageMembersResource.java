package io.windlass.image.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.windlass.api.context.CurrentRequestContext;
import io.windlass.image.service.ImageMembers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Glance v2's image members ({@code /v2/images/{id}/members}): sharing a {@code shared} image with
 * other projects ({@link ImageMembers}). Create and update answer 200 with the member, not 201.
 */
@Path("/image/v2/images/{id}/members")
@Produces(MediaType.APPLICATION_JSON)
public class ImageMembersResource {
    private final ImageMembers members;
    private final CurrentRequestContext context;

    public ImageMembersResource(ImageMembers members, CurrentRequestContext context) {
        this.members = members;
        this.context = context;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> add(@PathParam("id") String id, JsonNode body) {
        return view(members.add(context.get(), id, ImageMemberRequests.member(body)));
    }

    @GET
    public Map<String, Object> list(@PathParam("id") String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("members", members.list(context.get(), id).stream().map(ImageMembersResource::view).toList());
        body.put("schema", "/v2/schemas/members");
        return body;
    }

    @GET
    @Path("/{member}")
    public Map<String, Object> show(@PathParam("id") String id, @PathParam("member") String member) {
        return view(members.show(context.get(), id, member));
    }

    @PUT
    @Path("/{member}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, @PathParam("member") String member,
                                      JsonNode body) {
        return view(members.update(context.get(), id, member, ImageMemberRequests.status(body)));
    }

    @DELETE
    @Path("/{member}")
    public Response remove(@PathParam("id") String id, @PathParam("member") String member) {
        members.remove(context.get(), id, member);
        return Response.noContent().build();
    }

    /** Glance's member document ({@code ResponseSerializer._format_image_member}). */
    static Map<String, Object> view(ImageMembers.Membership m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("member_id", m.member());
        view.put("image_id", m.imageId().toString());
        view.put("status", m.status().value());
        view.put("created_at", ImageView.time(m.createdAt()));
        view.put("updated_at", ImageView.time(m.updatedAt()));
        view.put("schema", "/v2/schemas/member");
        return view;
    }
}
