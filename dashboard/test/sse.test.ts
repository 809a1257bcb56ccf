import { describe, expect, it } from 'vitest';
import { SseParser } from '../src/sse';

describe('SseParser', () => {
  it('reads the Watch API stream: comment, watching, a change, a heartbeat', () => {
    const p = new SseParser();
    const events = p.feed(
      ':watch\n\nid:1041\nevent:watching\ndata:{"version":1041}\n\n' +
        'id:1042\nevent:created\ndata:{"type":"created","uuid":"u1"}\n\n:heartbeat\nid:1050\n\n',
    );
    expect(events).toEqual([
      { id: '1041', event: 'watching', data: '{"version":1041}' },
      { id: '1042', event: 'created', data: '{"type":"created","uuid":"u1"}' },
    ]);
    // the heartbeat dispatches nothing but moves the position a resume sends back
    expect(p.lastEventId).toBe('1050');
  });

  it('joins events split anywhere across chunks, CRLF split between two chunks included', () => {
    const stream = 'id: 7\r\nevent: updated\r\ndata: {"a":\r\ndata: 1}\r\n\r\nid:8\rdata:x\r\r\n';
    for (let cut = 0; cut <= stream.length; cut++) {
      const p = new SseParser();
      const events = [...p.feed(stream.slice(0, cut)), ...p.feed(stream.slice(cut))];
      expect(events, `cut at ${cut}`).toEqual([
        { id: '7', event: 'updated', data: '{"a":\n1}' },
        { id: '8', event: 'message', data: 'x' },
      ]);
    }
  });

  it('resumes after the last complete event, not after an id whose event was cut off', () => {
    const first = new SseParser();
    expect(first.feed('id:5\nevent:updated\ndata:{"x":1}\n\nid:6\nevent:updated\ndata:{"trunc')).toHaveLength(1);
    // the connection drops here: change 6 never arrived, so the resume must ask for what follows 5
    expect(first.lastEventId).toBe('5');
    const resumed = new SseParser(first.lastEventId);
    expect(resumed.feed('id:6\nevent:updated\ndata:{"x":2}\n\n')).toEqual([{ id: '6', event: 'updated', data: '{"x":2}' }]);
  });

  it('takes the id a new connection starts with, and ignores comments and unknown fields', () => {
    const p = new SseParser('17');
    expect(p.feed(': hello\nretry: 10\nfoo\ndata\n\n')).toEqual([{ id: '17', event: 'message', data: '' }]);
  });
});
