import { Api } from './api';
import { follow } from './watch';
import { applyChange, changeOf, fromResource, Kind, WatchChange, Workload } from './workloads';

/** Where each kind is listed, shown and watched; admins ask for every project, as the lists allow. */
export function pathsOf(kind: Kind, admin: boolean) {
  switch (kind) {
    case 'container':
      return {
        list: '/container/v1/containers' + (admin ? '?all_projects=true' : ''),
        watch: '/container/v1/containers?watch=true' + (admin ? '&all_projects=true' : ''),
        show: (id: string) => `/container/v1/containers/${id}` + (admin ? '?all_projects=true' : ''),
        key: 'containers',
      };
    case 'capsule':
      return {
        list: '/container/v1/capsules' + (admin ? '?all_projects=true' : ''),
        watch: '/container/v1/capsules?watch=true' + (admin ? '&all_projects=true' : ''),
        show: (id: string) => `/container/v1/capsules/${id}`,
        key: 'capsules',
      };
    case 'server':
      return {
        list: '/compute/v2.1/servers/detail' + (admin ? '?all_tenants=1' : ''),
        watch: '/compute/v2.1/servers/detail?watch=true' + (admin ? '&all_tenants=1' : ''),
        show: (id: string) => `/compute/v2.1/servers/${id}`,
        key: 'servers',
      };
  }
}

/**
 * One kind's rows, kept current by its watch: the watch is opened first, then the list read, and
 * the changes that came meanwhile applied over it (the order docs/api-watch.md asks for).
 */
export class WorkloadFeed {
  rows = new Map<string, Workload>();
  live = false;
  error: string | null = null;
  private pending: WatchChange[] | null = null;
  private readonly paths;

  constructor(
    private readonly api: Api,
    readonly kind: Kind,
    private readonly changed: () => void,
  ) {
    this.paths = pathsOf(kind, api.session.admin);
  }

  start(signal: AbortSignal): void {
    void follow(
      this.api,
      this.paths.watch,
      {
        change: (data) => {
          const change = changeOf(this.kind, data);
          if (!change) {
            return;
          }
          if (this.pending) {
            this.pending.push(change);
          } else {
            this.apply(change);
          }
        },
        watching: (fresh) => {
          if (fresh) {
            void this.relist();
          }
        },
        state: (live) => {
          this.live = live;
          this.changed();
        },
      },
      signal,
    );
  }

  private async relist(): Promise<void> {
    this.pending = [];
    try {
      const body = await this.api.get(this.paths.list);
      const rows = new Map<string, Workload>();
      for (const r of body[this.paths.key] as Record<string, unknown>[]) {
        const row = fromResource(this.kind, r);
        rows.set(row.id, row);
      }
      this.rows = rows;
      this.error = null;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
    const pending = this.pending;
    this.pending = null;
    pending.forEach((c) => this.apply(c));
    this.changed();
  }

  private apply(change: WatchChange): void {
    const { rows, unknown } = applyChange(this.rows, this.kind, change);
    this.rows = rows;
    this.changed();
    if (unknown) {
      void this.fill(change.id);
    }
  }

  /** A workload first seen in the stream: its name and project come from its show. */
  private async fill(id: string): Promise<void> {
    try {
      const body = await this.api.get(this.paths.show(id));
      const shown = fromResource(this.kind, this.kind === 'server' ? body.server : body);
      const current = this.rows.get(id);
      if (current) {
        // the stream's state is at least as new as the show's: keep it, take the rest
        this.rows = new Map(this.rows).set(id, { ...shown, ...stateOf(current) });
        this.changed();
      }
    } catch {
      // gone again before the show (its deleted event follows), or not ours to show
    }
  }
}

function stateOf(w: Workload): Partial<Workload> {
  const state: Partial<Workload> = { status: w.status, reason: w.reason, taskState: w.taskState };
  if (w.host !== null) {
    state.host = w.host;
  }
  return state;
}
