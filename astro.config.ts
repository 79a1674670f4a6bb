import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { contentRoot, readSiteUrl } from './src/build/content-folder';
import { cssBundle } from './src/build/css-bundles';
import { notWatched } from './src/build/dev-watch';
import { firstUseModules } from './src/build/first-use-modules';

// Test fixtures build into their own folders (QUIRE_OUT) so they never overwrite the site.
export default defineConfig({
  outDir: process.env.QUIRE_OUT ?? 'dist',
  // The address the content declares, for absolute URLs.
  site: readSiteUrl(contentRoot()),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  // Stylesheets in three files, whichever components import them: see src/build/css-bundles.ts.
  vite: {
    plugins: [firstUseModules()],
    // Built sites and the benchmark's libraries are tens of thousands of files (src/build/dev-watch.ts).
    server: { watch: { ignored: [notWatched(fileURLToPath(new URL('.', import.meta.url)), contentRoot())] } },
    build: {
      // Scripts stay files, never inlined: the browser caches them from one chapter to the next,
      // and the Content Security Policy (src/build/content-security-policy.ts) allows them by 'self'.
      assetsInlineLimit: 0,
      rolldownOptions: {
        output: { codeSplitting: { groups: [{ name: (id, context) => cssBundle(id, (module) => context.getModuleInfo(module)) ?? null }] } },
      },
    },
  },
});
