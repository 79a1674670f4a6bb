import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layout is the architecture (docs/architecture.md): each folder of src/ may import only the
 * folders below it, and code that runs in the browser never imports code that needs Node.
 */

type Layer = 'lib' | 'schemas' | 'build' | 'plugins' | 'loaders' | 'data' | 'scripts' | 'styles' | 'components' | 'layouts' | 'pages' | 'config';

/** What each folder may import, besides itself and npm packages. */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  lib: ['schemas'],
  schemas: ['lib'],
  scripts: ['lib', 'schemas'],
  styles: [],
  // The importer writes Markdown as the renderer reads it (scene breaks); problems are worded by the
  // loader's module; the inline scripts of src/scripts/inline are embedded as their source.
  build: ['lib', 'schemas', 'loaders', 'plugins', 'scripts'],
  plugins: ['lib', 'schemas', 'build'],
  loaders: ['lib', 'schemas', 'build', 'plugins'],
  data: ['lib', 'schemas', 'build', 'loaders'],
  components: ['lib', 'schemas', 'build', 'data', 'scripts', 'styles'],
  layouts: ['lib', 'schemas', 'build', 'data', 'components', 'scripts', 'styles'],
  pages: ['lib', 'schemas', 'build', 'data', 'components', 'layouts', 'styles'],
  config: ['lib', 'schemas', 'build', 'loaders'],
};
/** Modules only Node has: the browser side (lib, scripts, client scripts) must not reach them. */
const NODE_ONLY = /^(node:|sharp$|fs$|path$|os$|child_process$|js-yaml$|satteri|@astrojs\/markdown-satteri|unified$|rehype-|htmlparser2$|fflate$)/;
const BROWSER_LAYERS: readonly Layer[] = ['lib', 'scripts'];

const SRC = path.resolve('src');

function layerOf(file: string): Layer {
  const relative = path.relative(SRC, file).split(path.sep);
  if (relative.length === 1) return relative[0]!.replace(/\.ts$/, '') === 'schemas' ? 'schemas' : 'config';
  return relative[0] as Layer;
}

const sourceFiles = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|astro)$/.test(name))
    .map((name) => path.join(folder, name));

/** Import specifiers of a module's code (for .astro files: the frontmatter and the scripts). */
function imports(code: string): string[] {
  const found = [...code.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(?\s*['"]([^'"]+)['"]/gm)];
  return found.map((match) => (match[1] ?? match[2])!);
}

/** The client scripts of an .astro file's template: bundled for the browser (not `is:inline` ones). */
const clientScripts = (code: string): string[] =>
  [...code.replace(/^---\n[\s\S]*?\n---\n/, '').matchAll(/<script(?![^>]*is:inline)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);

function targetLayer(from: string, specifier: string): Layer | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.resolve(path.dirname(from), specifier);
  return target.startsWith(SRC + path.sep) ? layerOf(target) : undefined;
}

describe('the layout of src/', () => {
  const files = sourceFiles(SRC);

  it('finds the code it checks', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(new Set(files.map(layerOf))).toEqual(new Set(['lib', 'schemas', 'build', 'plugins', 'loaders', 'data', 'scripts', 'components', 'layouts', 'pages', 'config']));
  });

  it('each folder imports only the folders below it', () => {
    const violations: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      for (const specifier of imports(readFileSync(file, 'utf8'))) {
        const target = targetLayer(file, specifier);
        if (target && target !== layer && !ALLOWED[layer].includes(target)) {
          violations.push(`${path.relative(SRC, file)} (${layer}) imports ${specifier} (${target})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('code that runs in the browser never imports Node-only modules', () => {
    const violations: string[] = [];
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const browserCode = BROWSER_LAYERS.includes(layerOf(file)) ? [code] : file.endsWith('.astro') ? clientScripts(code) : [];
      for (const specifier of browserCode.flatMap(imports)) {
        const target = targetLayer(file, specifier);
        if (NODE_ONLY.test(specifier) || (target && !['lib', 'schemas', 'scripts'].includes(target))) {
          violations.push(`${path.relative(SRC, file)} runs in the browser and imports ${specifier}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('would notice a violation', () => {
    expect(imports("import { readFile } from 'node:fs/promises';\nimport type { X } from '../build/covers';")).toEqual(['node:fs/promises', '../build/covers']);
    expect(clientScripts('---\n// <script> in a comment\n---\n<script is:inline>a</script><script>import "../scripts/share";</script>')).toEqual([
      'import "../scripts/share";',
    ]);
    expect(targetLayer(path.join(SRC, 'lib/urls.ts'), '../build/covers')).toBe('build');
  });
});
