package io.windlass.networking;

import io.windlass.api.validation.RequestFields;

import java.util.List;

/**
 * The five operations behind every Neutron collection's REST shell ({@link NeutronCollectionResource}),
 * each deciding visibility and policy for the caller itself.
 *
 * @param <R> the collection's row
 */
public interface NeutronCollectionService<R> {

    /** The page of rows the caller may see that match the query's filters. */
    List<R> list(NeutronQuery query);

    /** The row if the caller may see it, else the collection's NotFound. */
    R show(String id);

    R create(RequestFields given);

    R update(String id, RequestFields given);

    void delete(String id);
}
