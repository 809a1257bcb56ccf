package io.windlass.compute.api;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.windlass.api.context.PublicUrl;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.Map;

/**
 * Nova's {@code self} and {@code bookmark} links for the current request:
 * {@code <root>/compute/v2.1[/<project>]/<collection>/<id>} and the same without {@code v2.1}.
 */
@RequestScoped
public class ComputeLinks {
    private final PublicUrl publicUrl;
    private final UrlProjectSegment project;
    private final CurrentVertxRequest request;
    /** The public root, worked out once per request: a page of servers asks for hundreds of links. */
    private String root;

    public ComputeLinks(PublicUrl publicUrl, UrlProjectSegment project, CurrentVertxRequest request) {
        this.publicUrl = publicUrl;
        this.project = project;
        this.request = request;
    }

    /** {@code <root>/compute/v2.1[/<project>]}: where collection URLs start. */
    public String versioned() {
        return base() + "/v2.1" + projectPart();
    }

    /** {@code <root>/compute[/<project>]}: the unversioned form bookmarks use. */
    public String unversioned() {
        return base() + projectPart();
    }

    public String self(String collection, String id) {
        return versioned() + "/" + collection + "/" + id;
    }

    public String bookmark(String collection, String id) {
        return unversioned() + "/" + collection + "/" + id;
    }

    /** {@code [{"href": self, "rel": "self"}, {"href": bookmark, "rel": "bookmark"}]}. */
    public List<Map<String, String>> links(String collection, String id) {
        return List.of(Map.of("href", self(collection, id), "rel", "self"),
                Map.of("href", bookmark(collection, id), "rel", "bookmark"));
    }

    /** Only the bookmark, as Nova gives for a server's image and flavor. */
    public List<Map<String, String>> bookmarkOnly(String collection, String id) {
        return List.of(Map.of("href", bookmark(collection, id), "rel", "bookmark"));
    }

    /** An image in the image service ({@code <root>/image/v2/images/<id>}), as createImage's Location names it. */
    public String image(String id) {
        base();
        return root + "/image/v2/images/" + id;
    }

    private String base() {
        if (root == null) {
            root = publicUrl.root(request.getCurrent().request());
        }
        return root + "/compute";
    }

    private String projectPart() {
        return project.get().map(p -> "/" + p).orElse("");
    }
}
