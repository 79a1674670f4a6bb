import { createHash } from 'node:crypto';
import { READING_POSITION_PREFIX } from './reading-position';
import { PARAGRAPH_ID_PREFIX } from './urls';

/**
 * The inline "Continue reading" script, placed right after the elements it fills: each
 * `[data-continue-story]` element (hidden in the markup) is shown, linking to the remembered
 * paragraph, when the reader has a stored position in that story. Running inline, before first
 * paint, it never shifts the layout. It accepts what `parseReadingPosition` accepts (a unit test
 * holds them together), and never throws.
 */
export const continueScript = `(()=>{for(const e of document.querySelectorAll('[data-continue-story]')){try{const p=JSON.parse(localStorage.getItem(${JSON.stringify(READING_POSITION_PREFIX)}+e.dataset.continueStory));const a=e.querySelector('a'),n=e.querySelector('[data-chapter-number]');if(a&&n&&p&&typeof p.chapter==='string'&&typeof p.url==='string'&&p.url.startsWith(e.dataset.storyUrl)&&Number.isInteger(p.number)&&p.number>0&&Number.isInteger(p.paragraph)&&p.paragraph>=0){a.href=p.url+(p.paragraph>0?'#'+${JSON.stringify(PARAGRAPH_ID_PREFIX)}+p.paragraph:'');n.textContent=String(p.number);e.hidden=false}}catch{}}})()`;

/** The script's hash for the Content Security Policy. */
export const continueScriptHash = `sha256-${createHash('sha256').update(continueScript).digest('base64')}` as const;
