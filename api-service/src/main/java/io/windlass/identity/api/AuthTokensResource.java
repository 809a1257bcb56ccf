package io.windlass.identity.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerRequest;
import io.windlass.api.context.PublicUrl;
import io.windlass.identity.service.ServiceCatalog;
import io.windlass.identity.service.TokenClaims;
import io.windlass.identity.service.TokenService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Keystone's {@code /v3/auth/*}: issue, validate, revoke tokens; the caller's catalog. */
@Path("/v3/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthTokensResource {
    static final String SUBJECT_TOKEN = "X-Subject-Token";
    static final String AUTH_TOKEN = "X-Auth-Token";

    private final TokenService tokens;
    private final TokenViews views;
    private final ServiceCatalog catalog;
    private final PublicUrl publicUrl;
    private final AuthRequests requests;

    public AuthTokensResource(TokenService tokens, TokenViews views, ServiceCatalog catalog, PublicUrl publicUrl,
                              AuthRequests requests) {
        this.tokens = tokens;
        this.views = views;
        this.catalog = catalog;
        this.publicUrl = publicUrl;
        this.requests = requests;
    }

    @POST
    @Path("/tokens")
    @Consumes(MediaType.WILDCARD)
    public Response issue(JsonNode body, @Context HttpServerRequest request) {
        if (body == null) {
            throw KeystoneException.badRequest("Expecting to find auth in request body.");
        }
        TokenService.Issued issued = tokens.issue(requests.tokenRequest(body));
        return Response.status(201).header(SUBJECT_TOKEN, issued.token())
                .entity(views.of(issued.claims(), publicUrl.root(request))).build();
    }

    @GET
    @Path("/tokens")
    public Response validate(@HeaderParam(AUTH_TOKEN) String authToken, @HeaderParam(SUBJECT_TOKEN) String subject,
                             @Context HttpServerRequest request) {
        TokenClaims claims = subject(authToken, subject);
        return Response.ok(views.of(claims, publicUrl.root(request))).header(SUBJECT_TOKEN, subject).build();
    }

    @HEAD
    @Path("/tokens")
    public Response check(@HeaderParam(AUTH_TOKEN) String authToken, @HeaderParam(SUBJECT_TOKEN) String subject) {
        subject(authToken, subject);
        return Response.ok().header(SUBJECT_TOKEN, subject).build();
    }

    @DELETE
    @Path("/tokens")
    public Response revoke(@HeaderParam(AUTH_TOKEN) String authToken, @HeaderParam(SUBJECT_TOKEN) String subject) {
        tokens.revoke(subject(authToken, subject));
        return Response.noContent().build();
    }

    @GET
    @Path("/catalog")
    public Map<String, Object> catalog(@HeaderParam(AUTH_TOKEN) String authToken, @Context HttpServerRequest request) {
        TokenClaims caller = tokens.validate(authToken);
        List<ServiceCatalog.Service> entries = caller.projectId() == null ? List.of()
                : catalog.entries(publicUrl.root(request));
        return Map.of("catalog", entries, "links", Map.of("self", publicUrl.root(request) + "/v3/auth/catalog",
                "next", "", "previous", ""));
    }

    /**
     * The subject token's claims, after checking the caller's own token. Any valid token
     * may look at itself or another token (Keystone's default {@code identity:validate_token}
     * is admin-or-self; services validating user tokens are admins).
     */
    private TokenClaims subject(String authToken, String subject) {
        TokenClaims caller = tokens.validate(authToken);
        if (subject == null) {
            throw KeystoneException.badRequest("X-Subject-Token is required.");
        }
        TokenClaims target;
        try {
            target = tokens.validate(subject);
        } catch (KeystoneException e) {
            // Keystone answers an invalid subject token with 404, keeping 401 for the caller's own
            throw new KeystoneException(404, "Could not find token: " + e.getMessage());
        }
        boolean self = caller.userId().equals(target.userId());
        if (!self && !caller.roles().contains("admin")) {
            throw KeystoneException.forbidden("You are not authorized to perform the requested action: "
                    + "identity:validate_token.");
        }
        return target;
    }
}
