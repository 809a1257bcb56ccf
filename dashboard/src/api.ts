/**
 * The console's only way to the APIs. Security model: the Keystone token lives in this object,
 * in JavaScript memory only; no cookie and no localStorage hold it, so a reload signs out and
 * nothing else on the machine can read it. Every request sends it as X-Auth-Token, a header a
 * cross-site page cannot make a browser add, which is what makes the console CSRF-safe: the APIs
 * authenticate nothing a browser attaches by itself.
 */
export interface Session {
  token: string;
  userName: string;
  projectId: string;
  projectName: string;
  roles: string[];
  /** the role admin: hosts, aggregates, zones and every project's workloads */
  admin: boolean;
  expiresAt: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The microversions the console is written against (Zun's newest; Nova's base). */
export const CONTAINER_VERSION = { 'OpenStack-API-Version': 'container 1.40' };
export const COMPUTE_VERSION = { 'OpenStack-API-Version': 'compute 2.1' };

export function versionFor(path: string): Record<string, string> {
  if (path.startsWith('/container/')) {
    return CONTAINER_VERSION;
  }
  return path.startsWith('/compute/') ? COMPUTE_VERSION : {};
}

/** The message of an error body in any of the APIs' formats (Zun, Nova, Keystone). */
export function errorMessage(status: number, body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as Record<string, any>;
    const zun = Array.isArray(b.errors) ? b.errors[0] : null;
    if (zun?.detail) {
      return String(zun.detail);
    }
    for (const value of Object.values(b)) {
      if (value && typeof value === 'object' && 'message' in value) {
        return String((value as { message: unknown }).message);
      }
    }
  }
  return `HTTP ${status}`;
}

async function bodyOf(response: Response): Promise<unknown> {
  const raw = await response.text();
  if (!raw) {
    return null;
  }
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** POST /identity/v3/auth/tokens with a password, scoped to the project, as the CLI signs in. */
export async function signIn(user: string, password: string, project: string, domain: string): Promise<Session> {
  const response = await fetch('/identity/v3/auth/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: user, password, domain: { name: domain } } } },
        scope: { project: { name: project, domain: { name: domain } } },
      },
    }),
  });
  const body = (await bodyOf(response)) as any;
  const token = response.headers.get('X-Subject-Token');
  if (!response.ok || !token) {
    throw new ApiError(response.status, errorMessage(response.status, body));
  }
  const roles: string[] = (body?.token?.roles ?? []).map((r: { name: string }) => r.name);
  return {
    token,
    userName: body?.token?.user?.name ?? user,
    projectId: body?.token?.project?.id ?? '',
    projectName: body?.token?.project?.name ?? project,
    roles,
    admin: roles.includes('admin'),
    expiresAt: body?.token?.expires_at ?? null,
  };
}

export class Api {
  constructor(
    readonly session: Session,
    private readonly onUnauthorized: () => void,
  ) {}

  /** The token was refused (expired, revoked): the console signs out. */
  refused(): void {
    this.onUnauthorized();
  }

  headers(path: string, extra: Record<string, string> = {}): Record<string, string> {
    return { 'X-Auth-Token': this.session.token, Accept: 'application/json', ...versionFor(path), ...extra };
  }

  async request<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, headers: this.headers(path) };
    if (body !== undefined) {
      init.headers = this.headers(path, { 'Content-Type': 'application/json' });
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const parsed = await bodyOf(response);
    if (response.status === 401) {
      this.refused();
    }
    if (!response.ok) {
      throw new ApiError(response.status, errorMessage(response.status, parsed));
    }
    return parsed as T;
  }

  get<T = any>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  delete(path: string): Promise<unknown> {
    return this.request('DELETE', path);
  }
}
