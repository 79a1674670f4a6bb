import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The CSS has an order (docs/architecture.md, "A component's styles"): the cascade layers of
 * src/styles/layers.css, declared by every stylesheet a page or component imports, so that it holds
 * whichever the browser reads first; and no rule outside a layer, which would beat them all.
 */
const SRC = path.resolve('src');
const files = (folder: string, extension: RegExp): string[] =>
  readdirSync(path.join(SRC, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => extension.test(name))
    .map((name) => path.join(SRC, folder, name));

const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');
/** The top-level statements and blocks of a stylesheet, outside comments. */
function topLevel(css: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of withoutComments(css)) {
    current += character;
    if (character === '{') depth++;
    if (character === '}') depth--;
    if ((character === '}' || character === ';') && depth === 0) {
      items.push(current.trim());
      current = '';
    }
  }
  return items;
}

/** The stylesheets components, layouts and pages import, and what they import in turn. */
const imported = [...files('components', /\.(astro)$/), ...files('layouts', /\.astro$/), ...files('pages', /\.astro$/)].flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/^import\s+'([^']+\.css)';$/gm)].map((match) => path.resolve(path.dirname(file), match[1]!)),
);
const stylesheets = [...files('components', /\.css$/), ...files('styles', /\.css$/)];

describe('the stylesheets', () => {
  it('are found', () => {
    expect(imported.length).toBeGreaterThan(15);
    expect(imported).toContain(path.join(SRC, 'styles/global.css'));
  });

  it('each imported one declares the layer order before anything else', () => {
    for (const file of new Set(imported)) {
      expect(topLevel(readFileSync(file, 'utf8'))[0], path.relative(SRC, file)).toMatch(/^@import '(\.\.\/styles\/|\.\/)layers\.css';$/);
    }
  });

  it('put every rule in a layer', () => {
    for (const file of stylesheets) {
      const outside = topLevel(readFileSync(file, 'utf8')).filter((item) => !/^@(import|layer)\b/.test(item) && !item.startsWith('@font-face'));
      expect(outside, path.relative(SRC, file)).toEqual([]);
    }
  });

  it('are never scoped <style> blocks, which would be outside every layer', () => {
    for (const file of [...files('components', /\.astro$/), ...files('layouts', /\.astro$/), ...files('pages', /\.astro$/)]) {
      expect(readFileSync(file, 'utf8'), path.relative(SRC, file)).not.toMatch(/<style[\s>]/);
    }
  });
});
