import type { HastPluginDefinition } from 'satteri';

const ALIGNMENT = /^text-align:\s*(left|center|right);?$/;

/**
 * GFM table columns (`|:-:|`) come out aligned with a `style` attribute, which the content
 * contract drops and the Content Security Policy would block: the alignment becomes a class
 * (`align-center`), styled in prose.css.
 */
export const tableAlignment: HastPluginDefinition = {
  name: 'quire-table-alignment',
  element: {
    filter: ['th', 'td'],
    visit(node, ctx) {
      const style = node.properties.style;
      if (style === undefined || style === null) return;
      const alignment = typeof style === 'string' ? ALIGNMENT.exec(style.trim())?.[1] : undefined;
      ctx.setProperty(node, 'style', null);
      if (alignment) ctx.setProperty(node, 'className', [`align-${alignment}`]);
    },
  },
};
