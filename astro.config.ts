import { defineConfig } from 'astro/config';

// Test fixtures build into their own folders (QUIRE_OUT) so they never overwrite the site.
export default defineConfig({
  outDir: process.env.QUIRE_OUT ?? 'dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
