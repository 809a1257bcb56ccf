/**
 * The console's view of containers, capsules and servers: one row shape for the three, filled from
 * a list and then kept current by the Watch API's events (docs/api-watch.md). Pure, so that the way
 * a list and a stream are merged is tested without a browser.
 */
export type Kind = 'container' | 'capsule' | 'server';

export interface Workload {
  id: string;
  kind: Kind;
  /** null until the show of a workload first seen in the stream has answered */
  name: string | null;
  status: string;
  /** status_reason (Zun) or fault.message (Nova) */
  reason: string | null;
  taskState: string | null;
  host: string | null;
  project: string | null;
}

type Json = Record<string, unknown>;

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A row from a list or show body (Zun's container or capsule, Nova's server detail). */
export function fromResource(kind: Kind, r: Json): Workload {
  if (kind === 'server') {
    const fault = r.fault as Json | undefined;
    return {
      id: String(r.id),
      kind,
      name: text(r.name),
      status: String(r.status),
      reason: fault ? text(fault.message) : null,
      taskState: text(r['OS-EXT-STS:task_state']),
      host: text(r['OS-EXT-SRV-ATTR:host']),
      project: text(r.tenant_id),
    };
  }
  return {
    id: String(r.uuid),
    kind,
    name: text(r.name),
    status: String(r.status),
    reason: text(r.status_reason),
    taskState: text(r.task_state),
    host: text(r.host),
    project: text(r.project_id),
  };
}

export interface WatchChange {
  type: 'created' | 'updated' | 'deleted';
  id: string;
  fields: Partial<Workload>;
}

/** The data of a created/updated/deleted event, in the console's words; null for anything else. */
export function changeOf(kind: Kind, data: Json): WatchChange | null {
  const type = data.type;
  if (type !== 'created' && type !== 'updated' && type !== 'deleted') {
    return null;
  }
  if (kind === 'server') {
    const fault = data.fault as Json | undefined;
    const fields: Partial<Workload> = {
      status: String(data.status),
      reason: fault ? text(fault.message) : null,
      taskState: text(data['OS-EXT-STS:task_state']),
    };
    if ('OS-EXT-SRV-ATTR:host' in data) {
      fields.host = text(data['OS-EXT-SRV-ATTR:host']);
    }
    return { type, id: String(data.id), fields };
  }
  const fields: Partial<Workload> = {
    status: String(data.status),
    reason: text(data.status_reason),
    taskState: text(data.task_state),
  };
  // the host is in an event only for callers who may see it (admins by default)
  if ('host' in data) {
    fields.host = text(data.host);
  }
  return { type, id: String(data.uuid), fields };
}

/**
 * Applies one change; returns the new rows and whether the workload was unknown (the stream names
 * no workload, so the caller fetches the show for it). Applying a change twice is harmless: every
 * event carries the full state fields.
 */
export function applyChange(
  rows: ReadonlyMap<string, Workload>,
  kind: Kind,
  change: WatchChange,
): { rows: Map<string, Workload>; unknown: boolean } {
  const next = new Map(rows);
  if (change.type === 'deleted') {
    next.delete(change.id);
    return { rows: next, unknown: false };
  }
  const known = rows.get(change.id);
  next.set(change.id, {
    ...(known ?? { id: change.id, kind, name: null, status: '', reason: null, taskState: null, host: null, project: null }),
    ...change.fields,
  });
  return { rows: next, unknown: !known };
}

/** Rows in the order the tables show them: by name, then id. */
export function sorted(rows: ReadonlyMap<string, Workload>): Workload[] {
  return [...rows.values()].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.id.localeCompare(b.id));
}
