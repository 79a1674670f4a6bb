import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderChapter } from '../../src/loaders/markdown';
import { COVER_EXTENSIONS, resolveStoryFile } from '../../src/plugins/story-images';

const folder = path.resolve('tests/fixtures/library/stories/edge-cases');
const story = { slug: 'edge-cases', folder };

describe('story images', () => {
  it('publishes an image inside the story folder under the story URL, with its size, loaded lazily', async () => {
    const { html, files, problems } = await renderChapter('![A dot](images/dot.png)', story);
    expect(problems).toEqual([]);
    expect(files).toEqual(['images/dot.png']);
    expect(html).toContain('src="/stories/edge-cases/files/images/dot.png"');
    expect(html).toContain('alt="A dot"');
    expect(html).toMatch(/width="8"[^>]*height="8"|height="8"[^>]*width="8"/);
    expect(html).toContain('loading="lazy"');
  });

  it.each([
    ['../hostile/01-attacks.md', 'is outside the story folder'],
    ['/etc/passwd', 'is not a'],
    ['https://example.org/a.png', 'is not a file in the story folder'],
    ['//example.org/a.png', 'is not a file in the story folder'],
    ['images/missing.png', 'does not exist'],
    ['index.md', 'is not a'],
  ])('refuses %s (%s)', async (url, problem) => {
    const { html, problems, files } = await renderChapter(`![x](${url})`, story);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
    expect(files).toEqual([]);
    expect(html).not.toContain(url.replace(/^\//, ''));
  });

  it('accepts covers only in the cover formats', () => {
    expect(resolveStoryFile(folder, 'cover.png', COVER_EXTENSIONS)).toMatchObject({ file: 'cover.png' });
    expect(resolveStoryFile(folder, 'images/dot.png', ['.webp'])).toEqual({ problem: '"images/dot.png" is not a .webp file' });
  });
});
