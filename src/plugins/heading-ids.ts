import type { HastPluginEntry } from 'satteri';
import { PARAGRAPH_ID_PREFIX } from '../lib/urls';

/** A heading id that a paragraph id could also take (`## p-1` slugs to `p-1`, like paragraph 1). */
const PARAGRAPH_LIKE = new RegExp(`^${PARAGRAPH_ID_PREFIX}\\d`);

/**
 * Runs after the heading-id plugin: a heading whose id could be a paragraph's gets `H-` in front.
 * Heading slugs are always lowercase, so no other heading can have that id, and since the slugs
 * were unique, so are the renamed ones: a passage link never lands on a heading.
 */
export const headingIdsApartFromParagraphs: HastPluginEntry = () => ({
  name: 'quire-heading-ids-apart-from-paragraphs',
  element: {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    visit(node, ctx) {
      const id = node.properties?.id;
      if (typeof id === 'string' && PARAGRAPH_LIKE.test(id)) ctx.setProperty(node, 'id', `H-${id}`);
    },
  },
});
