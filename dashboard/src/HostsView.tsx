import { useEffect, useState } from 'preact/hooks';
import { Api } from './api';

type Json = Record<string, any>;

interface HostData {
  hypervisors: Json[];
  aggregates: Json[];
  zones: Json[];
  services: Json[];
}

/**
 * The operator's view (admins): every compute host with its capacity and what the scheduler has
 * claimed on it, up/down and enabled state, and the aggregates and zones it belongs to. Read from
 * the admin APIs on opening and on request: hosts have no watch stream.
 */
export function HostsView({ api }: { api: Api }) {
  const [data, setData] = useState<HostData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadedAt, setLoadedAt] = useState<string>('');
  const load = async () => {
    try {
      const [h, a, z, s] = await Promise.all([
        api.get('/compute/v2.1/os-hypervisors/detail'),
        api.get('/compute/v2.1/os-aggregates'),
        api.get('/compute/v2.1/os-availability-zone/detail'),
        api.get('/compute/v2.1/os-services'),
      ]);
      setData({ hypervisors: h.hypervisors, aggregates: a.aggregates, zones: z.availabilityZoneInfo, services: s.services });
      setError(null);
      setLoadedAt(new Date().toLocaleTimeString());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  useEffect(() => {
    void load();
  }, [api]);
  return (
    <>
      <div class="toolbar">
        <button type="button" onClick={load}>
          Refresh hosts
        </button>
        {loadedAt && <span role="status">Read at {loadedAt}</span>}
      </div>
      {error && <p role="alert" class="error">{error}</p>}
      {data && (
        <>
          <section aria-labelledby="hosts-title">
            <h2 id="hosts-title">Hosts</h2>
            {data.hypervisors.length === 0 && <p>No compute hosts have reported yet.</p>}
            <ul class="hosts">
              {data.hypervisors.map((h) => (
                <HostCard key={h.id} host={h} data={data} />
              ))}
            </ul>
          </section>
          <Aggregates aggregates={data.aggregates} />
          <Zones zones={data.zones} />
          <Services services={data.services} />
        </>
      )}
    </>
  );
}

function HostCard({ host, data }: { host: Json; data: HostData }) {
  const name: string = host.hypervisor_hostname;
  const aggregates = data.aggregates.filter((a) => (a.hosts ?? []).includes(name));
  const zone = data.zones.find((z) => z.hosts && name in z.hosts)?.zoneName;
  return (
    <li class="host card" aria-labelledby={`host-${host.id}`} data-host={name}>
      <h3 id={`host-${host.id}`}>{name}</h3>
      <p>
        <span class={`pill ${host.state === 'up' ? 'up' : 'down'}`}>{host.state}</span>{' '}
        <span class={`pill ${host.status === 'enabled' ? 'up' : 'down'}`}>{host.status}</span>
        {host.service?.disabled_reason && <span class="reason"> {host.service.disabled_reason}</span>}
      </p>
      <Bar label="CPU" used={host.vcpus_used} total={host.vcpus} unit="vCPUs" />
      <Bar label="Memory" used={host.memory_mb_used} total={host.memory_mb} unit="MiB" />
      <Bar label="Disk" used={host.local_gb_used} total={host.local_gb} unit="GiB" />
      <p class="muted">
        Zone {zone ?? '–'}; aggregates {aggregates.length ? aggregates.map((a) => a.name).join(', ') : '–'}; {host.running_vms}{' '}
        servers
      </p>
    </li>
  );
}

/** Claimed of total as a bar; over-commit shows as a full bar in the warning colour. */
function Bar({ label, used, total, unit }: { label: string; used: number; total: number; unit: string }) {
  const share = total > 0 ? Math.min(used / total, 1) : 0;
  const level = used > total ? 'over' : share >= 0.85 ? 'high' : 'ok';
  return (
    <div class="bar">
      <span class="bar-label">{label}</span>
      <meter min={0} max={Math.max(total, 1)} value={Math.min(used, Math.max(total, 1))} high={Math.max(total, 1) * 0.85}
        optimum={0} aria-label={`${label} allocated`} class={level}>
        {used} of {total}
      </meter>
      <span class="bar-figure">
        {used} of {total} {unit}
      </span>
    </div>
  );
}

function Aggregates({ aggregates }: { aggregates: Json[] }) {
  return (
    <section aria-labelledby="aggregates-title">
      <h2 id="aggregates-title">Aggregates</h2>
      {aggregates.length === 0 ? (
        <p>No aggregates.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Zone</th>
              <th scope="col">Hosts</th>
              <th scope="col">Metadata</th>
            </tr>
          </thead>
          <tbody>
            {aggregates.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td>{a.availability_zone ?? '–'}</td>
                <td>{(a.hosts ?? []).join(', ') || '–'}</td>
                <td>
                  {Object.entries(a.metadata ?? {})
                    .map(([k, v]) => `${k}=${v}`)
                    .join(', ') || '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Zones({ zones }: { zones: Json[] }) {
  return (
    <section aria-labelledby="zones-title">
      <h2 id="zones-title">Availability zones</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Zone</th>
            <th scope="col">Available</th>
            <th scope="col">Hosts</th>
          </tr>
        </thead>
        <tbody>
          {zones.map((z) => (
            <tr key={z.zoneName}>
              <th scope="row">{z.zoneName}</th>
              <td>{z.zoneState?.available ? 'yes' : 'no'}</td>
              <td>{Object.keys(z.hosts ?? {}).join(', ') || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Services({ services }: { services: Json[] }) {
  return (
    <section aria-labelledby="services-title">
      <h2 id="services-title">Services</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Host</th>
            <th scope="col">Zone</th>
            <th scope="col">Enabled</th>
            <th scope="col">State</th>
            <th scope="col">Disabled reason</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.binary}</th>
              <td>{s.host}</td>
              <td>{s.zone}</td>
              <td>{s.status}</td>
              <td>
                <span class={`pill ${s.state === 'up' ? 'up' : 'down'}`}>{s.state}</span>
              </td>
              <td>{s.disabled_reason ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
