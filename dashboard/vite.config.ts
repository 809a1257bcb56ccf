import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The bundle goes straight into the api-service's classes: Quarkus serves META-INF/resources, so
// the jar carries the console and /dashboard/ needs no extra server.
const outDir = fileURLToPath(new URL('../api-service/target/classes/META-INF/resources/dashboard', import.meta.url));

export default defineConfig({
  base: '/dashboard/',
  build: {
    outDir,
    emptyOutDir: true,
    // no source maps in the jar: the sources are in the repository
    sourcemap: false,
  },
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
