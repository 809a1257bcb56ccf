// Drives the console in Debian's Chromium with playwright-core, one step at a time, for the
// system-tests' DashboardST: the Java test sends a JSON line {"id", "step", "args"} on stdin, this
// runs the step and answers {"id", "ok", "value"|"error"} on stdout, so that the test can act
// through the API between steps and assert what the page shows.
// Nothing but the answers goes to stdout.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// without the background-networking flags Chromium keeps calling Google's services, which a
// closed network answers with nothing but timeouts
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WAIT = Number(process.env.STEP_TIMEOUT_MS ?? 20000);
const TABLES = { container: '#containers', capsule: '#capsules', server: '#servers' };

/** One signed-in user: a browser of its own (a fresh profile), its page and its script errors. */
const sessions = new Map();

async function session(name) {
  if (!sessions.has(name)) {
    const profile = mkdtempSync(join(tmpdir(), 'windlass-dashboard-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1366, height: 900 },
    });
    const page = context.pages()[0] ?? await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      // a refused request is logged by Chromium as an error; that is the API speaking, not a script failing
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
        errors.push(`console error: ${m.text()}`);
      }
    });
    sessions.set(name, { context, page, errors, profile });
  }
  return sessions.get(name);
}

const row = (page, kind, name) => page.locator(`${TABLES[kind]} tbody tr[data-name="${name}"]`);

const steps = {
  async signIn({ session: s, baseUrl, user, password, project }) {
    const { page } = await session(s);
    await page.goto(`${baseUrl}dashboard`);
    await page.getByLabel('User name').fill(user);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Project').fill(project);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Containers' }).waitFor({ timeout: WAIT });
    await page.getByText('Live: changes appear as they happen').waitFor({ timeout: WAIT });
    // gone after a reload: the steps below check it to prove the page changed without one
    await page.evaluate(() => { window.__signedInOnce = true; });
    return page.url();
  },

  async text({ session: s }) {
    const { page } = await session(s);
    return (await page.locator('body').innerText()).trim();
  },

  async hosts({ session: s, host, file }) {
    const { page } = await session(s);
    await page.getByRole('button', { name: 'Hosts', exact: true }).click();
    const card = page.locator(`li.host[data-host="${host}"]`);
    await card.waitFor({ timeout: WAIT });
    const result = {
      state: await card.locator('.pill').allInnerTexts(),
      bars: await card.locator('.bar').allInnerTexts(),
      meters: await card.getByRole('meter').count(),
      aggregates: await page.locator('section[aria-labelledby="aggregates-title"]').innerText(),
      zones: await page.locator('section[aria-labelledby="zones-title"]').innerText(),
    };
    if (file) {
      await steps.screenshot({ session: s, file });
    }
    await page.getByRole('button', { name: 'Workloads', exact: true }).click();
    await page.getByRole('heading', { name: 'Containers' }).waitFor({ timeout: WAIT });
    return result;
  },

  async createContainer({ session: s, name }) {
    const { page } = await session(s);
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Run a container' }) });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Memory (MiB)').fill('32');
    await form.getByRole('button', { name: 'Run container' }).click();
    await form.getByText('Container requested.').waitFor({ timeout: WAIT });
    return true;
  },

  async createServer({ session: s, name }) {
    const { page } = await session(s);
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Boot a server' }) });
    await form.getByLabel('Name').fill(name);
    // the flavors and images are read when the form opens
    await form.getByLabel('Flavor').locator('option').first().waitFor({ state: 'attached', timeout: WAIT });
    await form.getByLabel('Image').locator('option').first().waitFor({ state: 'attached', timeout: WAIT });
    await form.getByRole('button', { name: 'Boot server' }).click();
    await form.getByText('Server requested.').waitFor({ timeout: WAIT });
    return true;
  },

  /** Opens a row's details; returns its fields, the actions recorded and the logs (or why there are none). */
  async details({ session: s, kind, name }) {
    const { page } = await session(s);
    await row(page, kind, name).getByRole('button', { name: `Details of ${name}` }).click();
    const panel = page.locator('section.details');
    await panel.getByRole('heading', { name: `${kind} ${name}` }).waitFor({ timeout: WAIT });
    await panel.locator('table.actions tbody tr').first().waitFor({ timeout: WAIT });
    await panel.locator('pre.logs, [role="alert"]').first().waitFor({ timeout: WAIT });
    const focused = await page.evaluate(() => document.activeElement?.id);
    const result = {
      focused,
      fields: await panel.locator('dl.fields').innerText(),
      actions: await panel.locator('table.actions tbody th').allInnerTexts(),
      logs: await panel.locator('pre.logs, [role="alert"]').first().innerText(),
    };
    await panel.getByRole('button', { name: 'Close details' }).click();
    return result;
  },

  /** Waits until the row shows the status; returns the row's text. */
  async rowStatus({ session: s, kind, name, status }) {
    const { page } = await session(s);
    const r = row(page, kind, name);
    await r.locator(`[data-status="${status}"]`).waitFor({ timeout: WAIT });
    if (!(await page.evaluate(() => window.__signedInOnce === true))) {
      throw new Error('the page was reloaded');
    }
    return r.innerText();
  },

  /** Waits until the row shows the text (a task state, a host). */
  async rowShows({ session: s, kind, name, text }) {
    const { page } = await session(s);
    await row(page, kind, name).getByText(text).first().waitFor({ timeout: WAIT });
    return row(page, kind, name).innerText();
  },

  async act({ session: s, kind, name, action }) {
    const { page } = await session(s);
    const button = row(page, kind, name).getByRole('button', { name: `${action} ${name}` });
    await button.click();
    if (action === 'Delete') {
      await row(page, kind, name).getByRole('button', { name: `Confirm delete ${name}` }).click();
    }
    return true;
  },

  async rowGone({ session: s, kind, name }) {
    const { page } = await session(s);
    await row(page, kind, name).waitFor({ state: 'detached', timeout: WAIT });
    return true;
  },

  async names({ session: s, kind }) {
    const { page } = await session(s);
    return page.locator(`${TABLES[kind]} tbody tr[data-name]`).evaluateAll((rows) => rows.map((r) => r.dataset.name));
  },

  /** The per-filter lines of a row's NoValidHost explanation. */
  async noValidHost({ session: s, kind, name }) {
    const { page } = await session(s);
    const items = row(page, kind, name).getByRole('list', { name: 'Hosts removed by each scheduler filter' });
    await items.waitFor({ timeout: WAIT });
    return {
      heading: await row(page, kind, name).locator('.novalidhost p').first().innerText(),
      filters: await items.getByRole('listitem').allInnerTexts(),
    };
  },

  async screenshot({ session: s, file }) {
    const { page } = await session(s);
    mkdirSync(join(file, '..'), { recursive: true });
    await page.screenshot({ path: file, fullPage: true });
    return file;
  },

  async errors({ session: s }) {
    return (await session(s)).errors;
  },

  async close() {
    for (const { context, profile } of sessions.values()) {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
    sessions.clear();
    return true;
  },
};

const answer = (message) => process.stdout.write(JSON.stringify(message) + '\n');

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) {
    continue;
  }
  const { id, step, args } = JSON.parse(line);
  try {
    if (!steps[step]) {
      throw new Error(`no step ${step}`);
    }
    answer({ id, ok: true, value: await steps[step](args ?? {}) });
  } catch (e) {
    answer({ id, ok: false, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
  }
  if (step === 'close') {
    break;
  }
}
await steps.close();
