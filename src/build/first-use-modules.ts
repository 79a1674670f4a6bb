import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * `import url from 'first-use:./module'` in a client script: the address of that module, built as
 * a file of its own, for the script to `import(url)` when a reader first needs it. A plain
 * `import('./module')` would do the same but makes Vite add its preloading helper (0.9 KB
 * gzipped) to every page that has one (vitejs/vite#18551); this does not.
 */
const PREFIX = 'first-use:';
const RESOLVED = `\0${PREFIX}`;

export function firstUseModules(): Plugin {
  let serving = false;
  let root = process.cwd();
  return {
    name: 'quire:first-use-modules',
    configResolved(config) {
      serving = config.command === 'serve';
      root = config.root;
    },
    async resolveId(id, importer) {
      if (!id.startsWith(PREFIX)) return undefined;
      const module = await this.resolve(id.slice(PREFIX.length), importer);
      if (!module) throw new Error(`${importer ?? 'a module'} asks for ${id}, which is not found`);
      return `${RESOLVED}${module.id}`;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const file = id.slice(RESOLVED.length);
      // The dev server compiles modules as they are asked for, by their path from the root.
      if (serving) return `export default ${JSON.stringify(`/${path.relative(root, file).split(path.sep).join('/')}`)};`;
      const reference = this.emitFile({ type: 'chunk', id: file });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}
