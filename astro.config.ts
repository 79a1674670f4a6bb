import { defineConfig } from 'astro/config';
import { contentRoot, readSiteUrl } from './src/build/content-folder';
import { cssBundle } from './src/build/css-bundles';

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
    build: {
      rolldownOptions: {
        output: { codeSplitting: { groups: [{ name: (id, context) => cssBundle(id, (module) => context.getModuleInfo(module)) ?? null }] } },
      },
    },
  },
  security: {
    // A <meta> Content Security Policy on every page: scripts and styles only from this site or
    // by hash (Astro hashes its own; the layout adds the head script's), nothing third-party.
    csp: {
      directives: ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"],
    },
  },
});
