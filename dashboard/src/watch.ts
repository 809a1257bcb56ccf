import { Api } from './api';
import { SseEvent, SseParser } from './sse';

/** What a watch tells its owner. */
export interface WatchHandlers {
  /** a created/updated/deleted event's data */
  change(data: Record<string, unknown>): void;
  /** the stream (re)started at a position; `fresh` when the caller must list again (first start, or expired) */
  watching(fresh: boolean): void;
  /** connected or waiting to reconnect, for the page's live indicator */
  state(live: boolean): void;
}

const MAX_BACKOFF_MS = 10_000;

/**
 * Follows one Watch API stream (docs/api-watch.md) until `signal` aborts: reads it with fetch()
 * and a ReadableStream, and after a disconnect, a `reconnect` or an `overflow` connects again with
 * the last event id as Last-Event-ID, so nothing is missed or repeated. `expired` (the id is past
 * the retention window) starts over from a new list. No polling: between changes nothing is asked.
 */
export async function follow(api: Api, path: string, handlers: WatchHandlers, signal: AbortSignal): Promise<void> {
  let lastEventId: string | null = null;
  let needList = true;
  let backoff = 500;
  while (!signal.aborted) {
    try {
      const headers = api.headers(path, { Accept: 'text/event-stream' });
      if (lastEventId !== null) {
        headers['Last-Event-ID'] = lastEventId;
      }
      const response = await fetch(path, { headers, signal, cache: 'no-store' });
      if (response.status === 401) {
        api.refused();
        return;
      }
      if (!response.ok || !response.body) {
        throw new Error(`watch ${path}: HTTP ${response.status}`);
      }
      const parser = new SseParser(lastEventId);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      handlers.state(true);
      let expired = false;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        for (const event of parser.feed(value)) {
          if (handleEvent(event, handlers, needList)) {
            needList = false;
            backoff = 500;
          }
          expired ||= event.event === 'expired';
        }
        lastEventId = expired ? null : parser.lastEventId;
      }
      if (expired) {
        // the position is past the retention window: watch afresh, then list again
        needList = true;
      }
    } catch (e) {
      if (signal.aborted) {
        return;
      }
      console.warn('watch interrupted, reconnecting', path, e instanceof Error ? e.message : e);
    }
    handlers.state(false);
    await new Promise((resolve) => setTimeout(resolve, backoff));
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  }
}

/** Returns true on `watching`: the stream is positioned. */
function handleEvent(event: SseEvent, handlers: WatchHandlers, needList: boolean): boolean {
  switch (event.event) {
    case 'watching':
      handlers.watching(needList);
      return true;
    case 'created':
    case 'updated':
    case 'deleted':
      handlers.change(JSON.parse(event.data));
      return false;
    default:
      return false; // expired, reconnect, overflow: the stream ends and the loop resumes
  }
}
