import { defineConfig } from 'astro/config';

// Test fixtures build into their own folders (QUIRE_OUT) so they never overwrite the site.
export default defineConfig({
  outDir: process.env.QUIRE_OUT ?? 'dist',
  cacheDir: process.env.QUIRE_OUT ? `node_modules/.astro/${process.env.QUIRE_OUT.replace(/\W+/g, '-')}` : undefined,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
