import { describe, expect, it } from 'vitest';
import { explainNoValidHost } from '../src/noValidHost';

describe('explainNoValidHost', () => {
  it("reads a server fault's per-filter account", () => {
    expect(
      explainNoValidHost(
        'No valid host was found. There are not enough hosts available. 3 hosts: ComputeFilter removed 1 of 3; ResourceFilter removed 2 of 2',
      ),
    ).toEqual({
      hosts: 3,
      filters: [
        { filter: 'ComputeFilter', removed: 1, of: 3 },
        { filter: 'ResourceFilter', removed: 2, of: 2 },
      ],
      detail: null,
    });
  });

  it("reads a container's status_reason, one host", () => {
    expect(explainNoValidHost('There are not enough hosts available. 1 host: AvailabilityZoneFilter removed 1 of 1')).toEqual({
      hosts: 1,
      filters: [{ filter: 'AvailabilityZoneFilter', removed: 1, of: 1 }],
      detail: null,
    });
  });

  it('keeps what is not a filter account as the detail', () => {
    expect(explainNoValidHost('There are not enough hosts available. No compute hosts are registered.')).toEqual({
      hosts: null,
      filters: [],
      detail: 'No compute hosts are registered.',
    });
    expect(explainNoValidHost('There are not enough hosts available. 2 host(s) passed the filters but none had room left.')?.detail).toBe(
      '2 host(s) passed the filters but none had room left.',
    );
    expect(explainNoValidHost('There are not enough hosts available. 2 hosts: something new')).toEqual({
      hosts: 2,
      filters: [],
      detail: 'something new',
    });
  });

  it('is null for any other reason', () => {
    expect(explainNoValidHost('killed by the OOM killer')).toBeNull();
    expect(explainNoValidHost(null)).toBeNull();
  });
});
