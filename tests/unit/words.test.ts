import { describe, expect, it } from 'vitest';
import { renderChapter } from '../../src/loaders/markdown';
import { countWords } from '../../src/lib/words';

describe('word counts', () => {
  it('counts words, keeping contractions and hyphenated words whole', () => {
    expect(countWords('Hello, world! It’s a well-known fact -- isn’t it?')).toBe(8);
    expect(countWords('')).toBe(0);
    expect(countWords('1984 was 40 years ago')).toBe(5);
  });

  it('counts ideographic scripts per character', () => {
    expect(countWords('日本語の本')).toBe(5);
  });

  it('counts the visible text of a chapter, not its markup or dropped HTML', async () => {
    const { words } = await renderChapter('*One* **two** [three](https://a.example/)\n\n***\n\n<span title="x y z">four</span> <script>\nvar a, b, c;\n</script>');
    expect(words).toBe(4);
  });
});
