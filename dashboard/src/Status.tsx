import { explainNoValidHost, NoValidHostExplanation } from './noValidHost';
import { Workload } from './workloads';

/** A workload's status, its task, and why it failed: a NoValidHost as the scheduler's per-filter account. */
export function Status({ workload }: { workload: Workload }) {
  const explanation = explainNoValidHost(workload.reason);
  return (
    <div class="status-cell">
      <span class={`status status-${workload.status.toLowerCase()}`} data-status={workload.status}>
        {workload.status}
      </span>
      {workload.taskState && <span class="task"> ({workload.taskState})</span>}
      {explanation ? (
        <NoValidHost explanation={explanation} />
      ) : (
        workload.reason && <p class="reason">{workload.reason}</p>
      )}
    </div>
  );
}

export function NoValidHost({ explanation }: { explanation: NoValidHostExplanation }) {
  return (
    <div class="novalidhost">
      <p>
        <strong>No valid host</strong>
        {explanation.hosts !== null && ` among ${explanation.hosts} ${explanation.hosts === 1 ? 'host' : 'hosts'}`}
        {explanation.filters.length > 0 ? ':' : '.'}
      </p>
      {explanation.filters.length > 0 && (
        <ul aria-label="Hosts removed by each scheduler filter">
          {explanation.filters.map((f) => (
            <li key={f.filter}>
              <code>{f.filter}</code> removed {f.removed} of {f.of}
            </li>
          ))}
        </ul>
      )}
      {explanation.detail && <p class="reason">{explanation.detail}</p>}
    </div>
  );
}
