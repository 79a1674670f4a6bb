/**
 * Stylesheets of the downloads. E-readers bring their own fonts, colours and margins, so the EPUB
 * only sets the work apart: notes, scene breaks, metadata. The HTML file also sets a reading column.
 * No colours: text stays in the reader's (or the e-reader's) colours, light or dark.
 */
const SHARED = `
body { overflow-wrap: break-word; }
h1 { text-align: center; margin: 1em 0; }
.byline { text-align: center; }
hr { border: 0; margin: 1.5em auto; text-align: center; }
hr::after { content: "* * *"; }
.note { border-inline-start: 0.25em solid currentColor; padding-inline-start: 1em; margin: 1.5em 0; }
.note h2 { font-size: 1em; margin: 0 0 0.5em; }
.meta dt { font-weight: bold; }
.meta dd { margin: 0 0 0.5em; }
.centered { text-align: center; }
.cover { text-align: center; }
.cover img { max-width: 100%; max-height: 100%; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
img { max-width: 100%; height: auto; }
`;

export const EPUB_CSS = SHARED.trimStart();

export const HTML_CSS = `:root { color-scheme: light dark; }
${SHARED.trimStart()}header .cover img { max-width: min(20em, 100%); }
body { max-width: 38em; margin: 0 auto; padding: 1em; font-family: Georgia, serif; line-height: 1.6; }
section.chapter { margin-block-start: 4em; }
`;
