import { useEffect, useState } from 'preact/hooks';
import { Api } from './api';
import { WorkloadActions } from './actions';

/** Submits a form and says how it went; the new row itself arrives through the watch stream. */
function useSubmit(run: (form: FormData) => Promise<unknown>, done: string) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const formElement = e.currentTarget as HTMLFormElement;
    setBusy(true);
    setMessage(null);
    try {
      await run(new FormData(formElement));
      setMessage({ ok: true, text: done });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
    setBusy(false);
  };
  const outcome = message && (
    <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'}>
      {message.text}
    </p>
  );
  return { submit, busy, outcome };
}

export function CreateContainer({ actions }: { actions: WorkloadActions }) {
  const { submit, busy, outcome } = useSubmit(
    (f) =>
      actions.createContainer({
        name: String(f.get('name')),
        image: String(f.get('image')),
        command: String(f.get('command')).split(/\s+/).filter((w) => w !== ''),
        memory: String(f.get('memory')),
      }),
    'Container requested.',
  );
  return (
    <form class="card" onSubmit={submit} aria-labelledby="create-container-title">
      <h2 id="create-container-title">Run a container</h2>
      <label>
        Name <input name="name" required pattern="[a-zA-Z0-9][a-zA-Z0-9_.\-]*" />
      </label>
      <label>
        Image <input name="image" defaultValue="busybox" required />
      </label>
      <label>
        Command <input name="command" defaultValue="sleep 3600" />
      </label>
      <label>
        Memory (MiB) <input name="memory" type="number" min="4" defaultValue="64" required />
      </label>
      <button type="submit" disabled={busy}>
        Run container
      </button>
      {outcome}
    </form>
  );
}

interface Choice {
  id: string;
  name: string;
}

/** A labelled, required choice among what the API listed. */
function ChoiceField({ label, name, choices }: { label: string; name: string; choices: Choice[] }) {
  return (
    <label>
      {label}
      <select name={name} required>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CreateServer({ api, actions }: { api: Api; actions: WorkloadActions }) {
  const [flavors, setFlavors] = useState<Choice[]>([]);
  const [images, setImages] = useState<Choice[]>([]);
  useEffect(() => {
    api.get('/compute/v2.1/flavors').then((b) => setFlavors(b.flavors), () => setFlavors([]));
    api.get('/image/v2/images').then((b) => setImages(b.images), () => setImages([]));
  }, [api]);
  const { submit, busy, outcome } = useSubmit(
    (f) =>
      actions.createServer({
        name: String(f.get('name')),
        flavorRef: String(f.get('flavor')),
        imageRef: String(f.get('image')),
      }),
    'Server requested.',
  );
  return (
    <form class="card" onSubmit={submit} aria-labelledby="create-server-title">
      <h2 id="create-server-title">Boot a server</h2>
      <label>
        Name <input name="name" required />
      </label>
      <ChoiceField label="Flavor" name="flavor" choices={flavors} />
      <ChoiceField label="Image" name="image" choices={images} />
      <button type="submit" disabled={busy}>
        Boot server
      </button>
      {outcome}
    </form>
  );
}
