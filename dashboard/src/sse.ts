/**
 * A text/event-stream parser that follows the WHATWG rules (the ones EventSource applies), fed
 * chunk by chunk from fetch()'s ReadableStream. The console cannot use EventSource: it sends no
 * headers, and the Watch API needs the token as X-Auth-Token.
 */
export interface SseEvent {
  /** the last event id at dispatch: what a resume sends back as Last-Event-ID */
  id: string | null;
  /** `message` when the event has no `event:` field */
  event: string;
  data: string;
}

export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private eventName = '';
  private sawData = false;
  private idBuffer: string | null;

  /**
   * @param lastEventId carried over from the previous connection, as EventSource does. It moves
   * only when an event (or a data-less block such as a heartbeat) is complete: an id line read
   * just before a disconnect belongs to an event never received, and resuming from it would skip
   * that change.
   */
  constructor(public lastEventId: string | null = null) {
    this.idBuffer = lastEventId;
  }

  /** Takes the next chunk; returns the events it completed. */
  feed(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') {
        continue;
      }
      if (c === '\r' && i === this.buffer.length - 1) {
        // a CR at the end of a chunk may be the first half of a CRLF: decide with the next chunk
        break;
      }
      const event = this.line(this.buffer.slice(start, i));
      if (event) {
        events.push(event);
      }
      if (c === '\r' && this.buffer[i + 1] === '\n') {
        i++;
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  private line(line: string): SseEvent | null {
    if (line === '') {
      return this.dispatch();
    }
    if (line.startsWith(':')) {
      return null; // a comment (the stream's `:watch`, `:heartbeat`)
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    switch (field) {
      case 'event':
        this.eventName = value;
        break;
      case 'data':
        this.data.push(value);
        this.sawData = true;
        break;
      case 'id':
        if (!value.includes('\0')) {
          this.idBuffer = value;
        }
        break;
      default:
        break; // `retry` and unknown fields: the console reconnects on its own schedule
    }
    return null;
  }

  private dispatch(): SseEvent | null {
    this.lastEventId = this.idBuffer;
    const event = this.sawData
      ? { id: this.lastEventId, event: this.eventName || 'message', data: this.data.join('\n') }
      : null;
    // an event without data is not dispatched, but its id stays: the Watch API's heartbeats move the position that way
    this.data = [];
    this.eventName = '';
    this.sawData = false;
    return event;
  }
}
