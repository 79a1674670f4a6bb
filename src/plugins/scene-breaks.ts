/**
 * Scene breaks. Authors mark them with a line that is only `----`, `***`, `* * *`, `~~~`, `#`,
 * `§`, `o0o`, `oOo` or `xXx`. Sätteri would parse some of these as something else before any
 * plugin runs (`text\n----` is a setext heading, `~~~` opens a code block, `#` an empty heading,
 * `§` a paragraph), so this stage rewrites each such line in the source to a thematic break with
 * blank lines around it, which always renders as one `<hr>`. Lines inside backtick code fences
 * are left alone; a scene-break line is never indented
 * code, since it may be indented by three spaces at most.
 */

export const SCENE_BREAK = /^ {0,3}(?:-{3,}|\*{3,}|\* \* \*|~{3,}|#|§|o0o|oOo|xXx)[ \t]*$/;
const BACKTICK_FENCE = /^ {0,3}(`{3,})/;
const CANONICAL = '***';

export function normaliseSceneBreaks(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  let previousBlank = true;
  for (const line of lines) {
    const blank = line.trim() === '';
    const fenceMatch = BACKTICK_FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.length >= fence.length && line.trim() === fenceMatch[1]) fence = undefined;
      out.push(line);
    } else if (fenceMatch) {
      fence = fenceMatch[1];
      out.push(line);
    } else if (SCENE_BREAK.test(line)) {
      if (!previousBlank) out.push('');
      out.push(CANONICAL, '');
      previousBlank = true;
      continue;
    } else {
      out.push(line);
    }
    previousBlank = blank;
  }
  return out.join('\n');
}
