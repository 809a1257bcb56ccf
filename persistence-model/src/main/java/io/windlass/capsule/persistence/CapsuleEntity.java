package io.windlass.capsule.persistence;

import io.windlass.capsule.CapsuleMemberState;
import io.windlass.capsule.CapsuleSpec;
import io.windlass.container.ContainerAddress;
import io.windlass.persistence.ZunWorkloadEntity;
import io.windlass.persistence.WrittenBy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.windlass.persistence.Writer.API;
import static io.windlass.persistence.Writer.CONDUCTOR;

/**
 * One row of {@code capsules} (a Zun capsule: a pod of containers sharing a sandbox). The
 * api-service inserts it with the normalised template and writes Deleting; the conductor writes
 * host, status and the members' observed states. JSON columns are replaced, never changed in place.
 */
@Entity
@Table(name = "capsules")
@DynamicUpdate
public class CapsuleEntity extends ZunWorkloadEntity {

    @WrittenBy({})
    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @WrittenBy({})
    public Map<String, String> labels = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @WrittenBy({})
    public Map<String, String> annotations = new HashMap<>();

    /** Docker's spelling: always, on-failure, no. */
    @Column(name = "restart_policy", nullable = false)
    @WrittenBy({})
    public String restartPolicy;

    /** The summed request of the members, as scheduled. */
    @WrittenBy({})
    public double cpu;

    /** MiB, summed as {@link #cpu}. */
    @WrittenBy({})
    public int memory;

    @Column(name = "availability_zone")
    @WrittenBy({})
    public String availabilityZone;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    @WrittenBy({})
    public CapsuleSpec spec;

    /** The members as the last applied report saw them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    @WrittenBy(CONDUCTOR)
    public List<CapsuleMemberState> members = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @WrittenBy(CONDUCTOR)
    public Map<String, List<ContainerAddress>> addresses = new HashMap<>();
}
