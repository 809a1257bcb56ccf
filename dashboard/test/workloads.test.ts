import { describe, expect, it } from 'vitest';
import { applyChange, changeOf, fromResource, sorted, Workload } from '../src/workloads';

const listed = fromResource('container', {
  uuid: 'c1',
  name: 'web',
  status: 'Creating',
  status_reason: null,
  task_state: null,
  project_id: 'p1',
});

describe('workloads', () => {
  it('applies a status change from the stream to a listed row, keeping its name', () => {
    const change = changeOf('container', { type: 'updated', uuid: 'c1', status: 'Running', status_reason: null, task_state: null, version: 9 })!;
    const { rows, unknown } = applyChange(new Map([['c1', listed]]), 'container', change);
    expect(unknown).toBe(false);
    expect(rows.get('c1')).toMatchObject({ name: 'web', status: 'Running', project: 'p1', host: null });
  });

  it('adds a workload first seen in the stream and says it is unknown (its show gives the name)', () => {
    const change = changeOf('container', { type: 'created', uuid: 'c2', status: 'Creating', status_reason: null, task_state: null, host: 'h1' })!;
    const { rows, unknown } = applyChange(new Map(), 'container', change);
    expect(unknown).toBe(true);
    expect(rows.get('c2')).toMatchObject({ kind: 'container', name: null, status: 'Creating', host: 'h1' });
  });

  it('removes a deleted workload, and a repeated change changes nothing', () => {
    const deleted = changeOf('container', { type: 'deleted', uuid: 'c1', status: 'Deleting' })!;
    expect(applyChange(new Map([['c1', listed]]), 'container', deleted).rows.size).toBe(0);
    const update = changeOf('container', { type: 'updated', uuid: 'c1', status: 'Stopped', status_reason: null, task_state: null })!;
    const once = applyChange(new Map([['c1', listed]]), 'container', update).rows;
    expect(applyChange(once, 'container', update).rows).toEqual(once);
  });

  it("reads a server's fault as its reason and keeps a host the event does not show", () => {
    const server: Workload = { ...fromResource('server', { id: 's1', name: 'vm', status: 'BUILD', tenant_id: 'p' }), host: 'h2' };
    const change = changeOf('server', {
      type: 'updated',
      id: 's1',
      status: 'ERROR',
      'OS-EXT-STS:vm_state': 'error',
      'OS-EXT-STS:task_state': null,
      fault: { message: 'No valid host was found. There are not enough hosts available. 1 host: ComputeFilter removed 1 of 1' },
    })!;
    const row = applyChange(new Map([['s1', server]]), 'server', change).rows.get('s1')!;
    expect(row).toMatchObject({ status: 'ERROR', host: 'h2', name: 'vm' });
    expect(row.reason).toContain('ComputeFilter removed 1 of 1');
  });

  it('ignores what is not a change and sorts by name', () => {
    expect(changeOf('server', { type: 'watching', version: 3 })).toBeNull();
    const b = { ...listed, id: 'b', name: 'b' };
    const a = { ...listed, id: 'a', name: 'a' };
    expect(sorted(new Map([['b', b], ['a', a]])).map((w) => w.id)).toEqual(['a', 'b']);
  });
});
