import { useEffect, useState } from 'preact/hooks';
import { Api } from './api';
import { WorkloadFeed } from './feed';
import { Kind, sorted, Workload } from './workloads';
import { Status } from './Status';
import { CreateContainer, CreateServer } from './CreateForms';
import { Details } from './Details';
import { actionsOf, WorkloadActions } from './actions';

const TITLES: Record<Kind, string> = { container: 'Containers', capsule: 'Capsules', server: 'Servers' };

/** The project's workloads (every project's for an admin), live from the Watch API. */
export function WorkloadsView({ api }: { api: Api }) {
  const [, setTick] = useState(0);
  const [feeds, setFeeds] = useState<WorkloadFeed[]>([]);
  const [selected, setSelected] = useState<Workload | null>(null);
  useEffect(() => {
    const stop = new AbortController();
    const redraw = () => setTick((t) => t + 1);
    const made = (['container', 'capsule', 'server'] as Kind[]).map((k) => new WorkloadFeed(api, k, redraw));
    made.forEach((f) => f.start(stop.signal));
    setFeeds(made);
    return () => stop.abort();
  }, [api]);
  const actions = new WorkloadActions(api);
  const current = selected && feeds.find((f) => f.kind === selected.kind)?.rows.get(selected.id);
  return (
    <>
      <div class="live" role="status" aria-live="polite">
        {feeds.length > 0 && feeds.every((f) => f.live) ? 'Live: changes appear as they happen' : 'Connecting to the watch streams…'}
      </div>
      <div class="create">
        <CreateContainer actions={actions} />
        <CreateServer api={api} actions={actions} />
      </div>
      {feeds.map((feed) => (
        <WorkloadTable
          key={feed.kind}
          feed={feed}
          admin={api.session.admin}
          actions={actions}
          onDetails={(w) => setSelected(w)}
        />
      ))}
      {selected && (
        <Details api={api} workload={current ?? selected} gone={!current} onClose={() => setSelected(null)} />
      )}
    </>
  );
}

function WorkloadTable(props: {
  feed: WorkloadFeed;
  admin: boolean;
  actions: WorkloadActions;
  onDetails: (w: Workload) => void;
}) {
  const { feed, admin, actions } = props;
  const rows = sorted(feed.rows);
  const title = TITLES[feed.kind];
  return (
    <section aria-labelledby={`${feed.kind}-title`} class="workloads">
      <h2 id={`${feed.kind}-title`}>{title}</h2>
      {feed.error && (
        <p role="alert" class="error">
          {title} could not be listed: {feed.error}
        </p>
      )}
      <table id={`${feed.kind}s`}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Host</th>
            {admin && <th scope="col">Project</th>}
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={admin ? 5 : 4} class="empty">
                No {title.toLowerCase()}.
              </td>
            </tr>
          )}
          {rows.map((w) => (
            <tr key={w.id} data-id={w.id} data-name={w.name ?? ''}>
              <th scope="row">{w.name ?? <span class="muted">{w.id}</span>}</th>
              <td>
                <Status workload={w} />
              </td>
              <td>{w.host ?? <span class="muted">–</span>}</td>
              {admin && <td class="project">{w.project ?? ''}</td>}
              <td class="row-actions">
                <button type="button" onClick={() => props.onDetails(w)}>
                  Details<span class="sr-only"> of {w.name ?? w.id}</span>
                </button>
                {actionsOf(w).map((a) => (
                  <ActionButton key={a} label={a} workload={w} actions={actions} />
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One action of a row; Delete asks once more in place (no dialog to trap the keyboard). */
function ActionButton({ label, workload, actions }: { label: string; workload: Workload; actions: WorkloadActions }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = workload.name ?? workload.id;
  const run = async () => {
    if (label === 'Delete' && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setError(null);
    try {
      await actions.run(label, workload);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <button type="button" class={label === 'Delete' ? 'danger' : undefined} onClick={run} onBlur={() => setConfirming(false)}>
        {confirming ? 'Confirm delete' : label}
        <span class="sr-only"> {name}</span>
      </button>
      {error && (
        <span role="alert" class="error">
          {label} failed: {error}
        </span>
      )}
    </>
  );
}
