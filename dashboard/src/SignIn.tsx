import { useState } from 'preact/hooks';
import { Session, signIn } from './api';

export function SignIn({ onSession, notice }: { onSession: (s: Session) => void; notice: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      onSession(
        await signIn(
          String(form.get('user')),
          String(form.get('password')),
          String(form.get('project')),
          String(form.get('domain')),
        ),
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <main class="signin">
      <h1>Windlass console</h1>
      <form onSubmit={submit} aria-labelledby="signin-title">
        <h2 id="signin-title">Sign in</h2>
        {notice && <p role="status">{notice}</p>}
        <label>
          User name
          <input name="user" autocomplete="username" required autofocus />
        </label>
        <label>
          Password
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <label>
          Project
          <input name="project" required />
        </label>
        <label>
          Domain
          <input name="domain" defaultValue="Default" required />
        </label>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
