import { defineConfig } from 'astro/config';

// Test fixtures build into their own folders (QUIRE_OUT) so they never overwrite the site.
export default defineConfig({
  outDir: process.env.QUIRE_OUT ?? 'dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  security: {
    // A <meta> Content Security Policy on every page: scripts and styles only from this site or
    // by hash (Astro hashes its own; the layout adds the head script's), nothing third-party.
    csp: {
      directives: ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"],
    },
  },
});
