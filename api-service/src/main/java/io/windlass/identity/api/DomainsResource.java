package io.windlass.identity.api;

import io.vertx.ext.web.RoutingContext;
import io.windlass.identity.persistence.IdentityRepository;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Keystone's {@code /v3/domains}, read-only: this deployment has the Default domain. */
@Path("/v3/domains")
@Produces(MediaType.APPLICATION_JSON)
public class DomainsResource {
    private final IdentityRepository repository;
    private final IdentityAdmin admin;

    public DomainsResource(IdentityRepository repository, IdentityAdmin admin) {
        this.repository = repository;
        this.admin = admin;
    }

    @GET
    @Transactional
    public Map<String, Object> list(@QueryParam("name") String name, @Context RoutingContext routing) {
        admin.authorize("list_domains");
        String base = admin.base(routing);
        return IdentityViews.list("domains", repository.domains(name).stream()
                .map(d -> IdentityViews.domain(d, base)).toList(), base + "/v3/domains");
    }

    @GET
    @Path("/{id}")
    @Transactional
    public Map<String, Object> show(@PathParam("id") String id, @Context RoutingContext routing) {
        admin.authorize("get_domain");
        return Map.of("domain", IdentityViews.domain(repository.domain(id)
                .orElseThrow(() -> KeystoneException.notFound("domain", id)), admin.base(routing)));
    }
}
