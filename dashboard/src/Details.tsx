import { useEffect, useRef, useState } from 'preact/hooks';
import { Api } from './api';
import { pathsOf } from './feed';
import { Status } from './Status';
import { Workload } from './workloads';

type Json = Record<string, any>;

/** One workload: its fields (from its show), live status (from the watch), logs and action events. */
export function Details({ api, workload, gone, onClose }: { api: Api; workload: Workload; gone: boolean; onClose: () => void }) {
  const [shown, setShown] = useState<Json | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus(); // keyboard users land on the panel they opened
    setShown(null);
    api.get(pathsOf(workload.kind, api.session.admin).show(workload.id)).then(
      (body) => setShown(workload.kind === 'server' ? body.server : body),
      (e) => setError(e.message),
    );
  }, [workload.id]);
  const name = workload.name ?? workload.id;
  return (
    <section class="details" aria-labelledby="details-title">
      <div class="details-head">
        <h2 id="details-title" tabIndex={-1} ref={heading}>
          {workload.kind} {name}
        </h2>
        <button type="button" onClick={onClose}>
          Close details
        </button>
      </div>
      {gone ? <p role="status">This {workload.kind} has been deleted.</p> : <Status workload={workload} />}
      {error && <p role="alert" class="error">{error}</p>}
      {shown && <Fields shown={shown} />}
      {workload.kind !== 'capsule' && <Logs api={api} workload={workload} />}
      {workload.kind !== 'capsule' && <ActionEvents api={api} workload={workload} />}
    </section>
  );
}

function Fields({ shown }: { shown: Json }) {
  const scalars = Object.entries(shown).filter(([k, v]) => k !== 'links' && (v === null || typeof v !== 'object'));
  const structured = Object.entries(shown).filter(([k, v]) => k !== 'links' && v !== null && typeof v === 'object');
  return (
    <dl class="fields">
      {scalars.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v === null ? '–' : String(v)}</dd>
        </div>
      ))}
      {structured.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>
            <code>{JSON.stringify(v)}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Containers: Zun's logs; servers: Nova's os-getConsoleOutput. Read on request: logs are no watch. */
function Logs({ api, workload }: { api: Api; workload: Workload }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    setError(null);
    try {
      if (workload.kind === 'server') {
        const body = await api.post(`/compute/v2.1/servers/${workload.id}/action`, { 'os-getConsoleOutput': { length: 200 } });
        setText(body.output ?? '');
      } else {
        setText(await api.get(`/container/v1/containers/${workload.id}/logs?stdout=true&stderr=true&tail=200`));
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  useEffect(() => {
    setText(null);
    void load();
  }, [workload.id]);
  return (
    <section aria-labelledby="logs-title">
      <h3 id="logs-title">{workload.kind === 'server' ? 'Console output' : 'Logs'}</h3>
      <button type="button" onClick={load}>
        Reload {workload.kind === 'server' ? 'console output' : 'logs'}
      </button>
      {error && <p role="alert" class="error">Not available: {error}</p>}
      {text !== null && <pre class="logs" tabIndex={0} aria-label="Output">{text || '(empty)'}</pre>}
    </section>
  );
}

function ActionEvents({ api, workload }: { api: Api; workload: Workload }) {
  const base =
    workload.kind === 'server'
      ? `/compute/v2.1/servers/${workload.id}/os-instance-actions`
      : `/container/v1/containers/${workload.id}/container_actions`;
  const [actions, setActions] = useState<Json[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    api.get(base).then(
      (b) => {
        setActions(b.instanceActions ?? b.containerActions ?? []);
        setError(null);
      },
      (e) => setError(e.message),
    );
  useEffect(() => {
    void load();
  }, [workload.id, workload.status, workload.taskState]); // a state change usually closes an action
  return (
    <section aria-labelledby="actions-title">
      <h3 id="actions-title">Actions</h3>
      {error && <p role="alert" class="error">{error}</p>}
      {actions && actions.length === 0 && <p>No actions recorded.</p>}
      {actions && actions.length > 0 && (
        <table class="actions">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Started</th>
              <th scope="col">Message</th>
              <th scope="col">Request</th>
              <th scope="col">Events</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.request_id}>
                <th scope="row">{a.action}</th>
                <td>{a.start_time}</td>
                <td>{a.message ?? ''}</td>
                <td>
                  <code>{a.request_id}</code>
                </td>
                <td>
                  <Events api={api} path={`${base}/${a.request_id}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The host's steps of one action, read when opened. */
function Events({ api, path }: { api: Api; path: string }) {
  const [events, setEvents] = useState<Json[] | null>(null);
  const toggle = (e: Event) => {
    if ((e.currentTarget as HTMLDetailsElement).open && events === null) {
      api.get(path).then(
        (b) => setEvents((b.instanceAction ?? b).events ?? []),
        () => setEvents([]),
      );
    }
  };
  return (
    <details onToggle={toggle}>
      <summary>Events</summary>
      {events && events.length === 0 && <p>None.</p>}
      {events && events.length > 0 && (
        <ul>
          {events.map((ev, i) => (
            <li key={i}>
              <code>{ev.event}</code> {ev.result ?? 'running'} {ev.finish_time ? `at ${ev.finish_time}` : ''}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
