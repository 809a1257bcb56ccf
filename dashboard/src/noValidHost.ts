/**
 * The scheduler explains a NoValidHost as one sentence (scheduler-service FilterOutcome): "There are
 * not enough hosts available. 3 hosts: ComputeFilter removed 1 of 3; ResourceFilter removed 2 of 2".
 * Servers carry it in fault.message (after Nova's "No valid host was found. "), containers and
 * capsules in status_reason. This turns it back into one line per filter for the console.
 */
export interface FilterStep {
  filter: string;
  removed: number;
  of: number;
}

export interface NoValidHostExplanation {
  /** hosts the scheduler looked at, when it said */
  hosts: number | null;
  /** the filters that removed hosts, in the order they ran */
  filters: FilterStep[];
  /** what else it said (no hosts registered, hosts passed but had no room) */
  detail: string | null;
}

const NOT_ENOUGH = 'There are not enough hosts available.';
const PER_FILTER = /^(\d+) hosts?: (.*)$/;
const STEP = /^(\S+) removed (\d+) of (\d+)$/;

export function explainNoValidHost(message: string | null | undefined): NoValidHostExplanation | null {
  if (!message) {
    return null;
  }
  const at = message.indexOf(NOT_ENOUGH);
  if (at < 0) {
    return null;
  }
  const rest = message.slice(at + NOT_ENOUGH.length).trim();
  const perFilter = PER_FILTER.exec(rest);
  if (!perFilter) {
    const counted = /^(\d+) hosts?\.$/.exec(rest);
    return { hosts: counted ? Number(counted[1]) : null, filters: [], detail: counted || rest === '' ? null : rest };
  }
  const filters: FilterStep[] = [];
  for (const part of perFilter[2].split(';')) {
    const step = STEP.exec(part.trim());
    if (!step) {
      // a wording this console does not know: show the scheduler's sentence as it is
      return { hosts: Number(perFilter[1]), filters: [], detail: perFilter[2] };
    }
    filters.push({ filter: step[1], removed: Number(step[2]), of: Number(step[3]) });
  }
  return { hosts: Number(perFilter[1]), filters, detail: null };
}
