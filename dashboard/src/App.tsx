import { useEffect, useMemo, useState } from 'preact/hooks';
import { Api, Session } from './api';
import { SignIn } from './SignIn';
import { HostsView } from './HostsView';
import { WorkloadsView } from './WorkloadsView';

type View = 'workloads' | 'hosts';

export function App() {
  // the session (and with it the token) exists only in this component's state: see api.ts
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!session) {
    return <SignIn notice={notice} onSession={(s) => { setNotice(null); setSession(s); }} />;
  }
  return (
    <Console
      session={session}
      signOut={(why) => {
        setNotice(why);
        setSession(null);
      }}
    />
  );
}

function Console({ session, signOut }: { session: Session; signOut: (why: string | null) => void }) {
  const [view, setView] = useState<View>('workloads');
  const api = useMemo(() => new Api(session, () => signOut('Your session has ended; please sign in again.')), [session]);
  useEffect(() => {
    document.title = `Windlass console: ${session.projectName}`;
  }, [session]);
  return (
    <>
      <header class="top">
        <h1>Windlass console</h1>
        <nav aria-label="Views">
          <button type="button" aria-current={view === 'workloads' ? 'page' : undefined} onClick={() => setView('workloads')}>
            Workloads
          </button>
          {session.admin && (
            <button type="button" aria-current={view === 'hosts' ? 'page' : undefined} onClick={() => setView('hosts')}>
              Hosts
            </button>
          )}
        </nav>
        <p class="who">
          <span>{session.userName}</span> in project <strong>{session.projectName}</strong>
          {session.admin && <span class="badge">admin</span>}
        </p>
        <button type="button" onClick={() => signOut(null)}>
          Sign out
        </button>
      </header>
      <main>{view === 'hosts' && session.admin ? <HostsView api={api} /> : <WorkloadsView api={api} />}</main>
    </>
  );
}
