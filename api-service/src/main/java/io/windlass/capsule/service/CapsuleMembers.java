package io.windlass.capsule.service;

import io.windlass.api.lookup.ZunIdentLookup;
import io.windlass.capsule.CapsuleMemberSpec;
import io.windlass.capsule.CapsuleMemberState;
import io.windlass.capsule.persistence.CapsuleEntity;
import io.windlass.capsule.persistence.CapsuleRepository;
import io.windlass.container.ContainerStatus;
import io.windlass.context.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The containers of capsules, found by their own uuid (the {@code uuid} of each of a capsule's
 * {@code containers} and {@code init_containers}), so that what Zun's container API does inside an
 * engine container (logs, execute, top, archives) reaches a capsule's members too. Zun itself keeps
 * capsule containers apart and answers 404 for them.
 */
@ApplicationScoped
public class CapsuleMembers {
    private final CapsuleRepository repository;

    public CapsuleMembers(CapsuleRepository repository) {
        this.repository = repository;
    }

    /**
     * One member of a capsule.
     *
     * @param status as the capsule's last report saw it; {@code Creating} before the first
     */
    public record Member(CapsuleEntity capsule, CapsuleMemberSpec spec, ContainerStatus status) {
    }

    /**
     * The member that {@code ident} names by uuid, when the caller may see its capsule: its own
     * project's, or any for an admin, as Zun's lookups by ident.
     */
    public Optional<Member> visible(RequestContext caller, String ident) {
        return ZunIdentLookup.asUuid(ident).flatMap(uuid -> repository.findByMember(uuid)
                .filter(capsule -> caller.isAdmin() || capsule.projectId.equals(caller.projectId()))
                .map(capsule -> member(capsule, uuid.toString())));
    }

    static Member member(CapsuleEntity capsule, String uuid) {
        CapsuleMemberSpec spec = Stream.concat(capsule.spec.initContainers().stream(),
                capsule.spec.containers().stream()).filter(m -> m.uuid().equals(uuid)).findFirst().orElseThrow();
        ContainerStatus status = capsule.members.stream().filter(m -> uuid.equals(m.uuid())).findFirst()
                .map(CapsuleMemberState::status).orElse(ContainerStatus.CREATING);
        return new Member(capsule, spec, status);
    }
}
