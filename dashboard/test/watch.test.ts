import { afterEach, describe, expect, it, vi } from 'vitest';
import { Api } from '../src/api';
import { follow } from '../src/watch';

const session = { token: 't0k', userName: 'u', projectId: 'p', projectName: 'p', roles: ['member'], admin: false, expiresAt: null };

/** A response whose body is the given chunks, then its end (a disconnect). */
function stream(...chunks: string[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      chunks.forEach((c) => controller.enqueue(new TextEncoder().encode(c)));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

/** fetch answers with each response in turn, noting the headers sent; past the last, the watch is stopped. */
function answerInTurn(answers: Response[], requests: Headers[], stop: AbortController) {
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    requests.push(new Headers(init.headers));
    const next = answers.shift();
    if (!next) {
      stop.abort();
      throw new DOMException('aborted', 'AbortError');
    }
    return next;
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('follow', () => {
  it('sends the token, resumes after a disconnect from the last complete event, and lists only once', async () => {
    const stop = new AbortController();
    const requests: Headers[] = [];
    const answers = [
      stream(':watch\n\nid:10\nevent:watching\ndata:{"version":10}\n\n', 'id:11\nevent:updated\ndata:{"type":"updated","uuid":"a"}\n\nid:12\nevent:upd'),
      stream('id:12\nevent:deleted\ndata:{"type":"deleted","uuid":"a"}\n\nid:12\nevent:watching\ndata:{"version":12}\n\n'),
    ];
    answerInTurn(answers, requests, stop);
    const changes: string[] = [];
    const watching: boolean[] = [];
    await follow(new Api(session, () => undefined), '/container/v1/containers?watch=true', {
      change: (d) => changes.push(`${d.type} ${d.uuid}`),
      watching: (fresh) => watching.push(fresh),
      state: () => undefined,
    }, stop.signal);

    expect(changes).toEqual(['updated a', 'deleted a']);
    expect(watching).toEqual([true, false]); // the resume needs no new list
    expect(requests[0].get('X-Auth-Token')).toBe('t0k');
    expect(requests[0].get('Last-Event-ID')).toBeNull();
    expect(requests[1].get('Last-Event-ID')).toBe('11'); // 12 was cut off, so it is asked for again
    expect(requests[2].get('Last-Event-ID')).toBe('12');
  });

  it('lists again after an expired position, resuming from nothing', async () => {
    const stop = new AbortController();
    const requests: Headers[] = [];
    const answers = [
      stream('id:5\nevent:watching\ndata:{"version":5}\n\n'),
      stream('event:expired\ndata:{"reason":"past the retention window"}\n\n'),
      stream('id:90\nevent:watching\ndata:{"version":90}\n\n'),
    ];
    answerInTurn(answers, requests, stop);
    const watching: boolean[] = [];
    await follow(new Api(session, () => undefined), '/w', {
      change: () => undefined,
      watching: (fresh) => watching.push(fresh),
      state: () => undefined,
    }, stop.signal);
    expect(requests.map((h) => h.get('Last-Event-ID'))).toEqual([null, '5', null, '90']);
    expect(watching).toEqual([true, true]);
  });

  it('signs out when the token is refused', async () => {
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 401 }));
    const refused = vi.fn();
    await follow(new Api(session, refused), '/w', { change: () => undefined, watching: () => undefined, state: () => undefined },
      new AbortController().signal);
    expect(refused).toHaveBeenCalledOnce();
  });
});
