import { Api } from './api';
import { Workload } from './workloads';

/** The actions a row offers in its state (the API refuses the others anyway, with a 409). */
export function actionsOf(w: Workload): string[] {
  if (w.kind === 'capsule') {
    return ['Delete'];
  }
  const stoppable = w.kind === 'server' ? ['ACTIVE'] : ['Running', 'Paused', 'Restarting'];
  const startable = w.kind === 'server' ? ['SHUTOFF'] : ['Created', 'Stopped'];
  const actions: string[] = [];
  if (stoppable.includes(w.status)) {
    actions.push('Stop');
  }
  if (startable.includes(w.status)) {
    actions.push('Start');
  }
  actions.push('Delete');
  return actions;
}

/** Starts, stops and deletes workloads; the rows change when the watch says so, not here. */
export class WorkloadActions {
  constructor(private readonly api: Api) {}

  async run(action: string, w: Workload): Promise<void> {
    // an admin's delete of another project's container names all_projects, as zunclient's does
    const scope = this.api.session.admin && w.kind === 'container' ? '?all_projects=true' : '';
    if (w.kind === 'server') {
      const base = `/compute/v2.1/servers/${w.id}`;
      if (action === 'Delete') {
        await this.api.delete(base);
      } else {
        await this.api.post(`${base}/action`, { [action === 'Stop' ? 'os-stop' : 'os-start']: null });
      }
      return;
    }
    const base = `/container/v1/${w.kind === 'capsule' ? 'capsules' : 'containers'}/${w.id}`;
    if (action === 'Delete') {
      await this.api.delete(base + scope);
    } else {
      await this.api.post(`${base}/${action.toLowerCase()}`);
    }
  }

  createContainer(body: { name: string; image: string; command: string[]; memory: string }): Promise<unknown> {
    return this.api.post('/container/v1/containers?run=true', body);
  }

  createServer(body: { name: string; imageRef: string; flavorRef: string }): Promise<unknown> {
    return this.api.post('/compute/v2.1/servers', { server: body });
  }
}
