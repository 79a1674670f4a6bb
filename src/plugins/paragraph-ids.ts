import type { HastPluginEntry } from 'satteri';
import { paragraphId } from '../lib/urls';

/**
 * Gives every paragraph of a chapter (including those in blockquotes, list items and footnotes)
 * a stable id `p-1`, `p-2`, ... in document order, so a reader can link to a passage.
 */
export const paragraphIds: HastPluginEntry = () => {
  let count = 0;
  return {
    name: 'quire-paragraph-ids',
    element: {
      filter: ['p'],
      visit(node, ctx) {
        ctx.setProperty(node, 'id', paragraphId(++count));
      },
    },
  };
};
