/** Escapes text for HTML content (and, with quotes, for attribute values). */
export const escapeText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const escapeAttribute = (text: string): string => escapeText(text).replace(/"/g, '&quot;');

/**
 * Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF): one of them in a title makes a
 * feed, the sitemap or an EPUB unreadable, so the content loses them as it is read.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const removeXmlForbidden = (text: string): string => text.replace(XML_FORBIDDEN, '');

/** Characters that show as nothing (zero-width spaces and joiners, word joiner, soft hyphen, BOM). */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/**
 * A name or tag as it is compared and shown: NFC, without invisible characters, spaces folded,
 * so "Ali\u200Bce" and "Alice" are one author.
 */
export const normaliseName = (name: string): string => name.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
