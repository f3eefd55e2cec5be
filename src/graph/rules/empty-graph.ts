import type { Check } from '../context.js';

export const checkEmptyGraph: Check = (ctx) => (ctx.sent.nodes > 0 ? [] : [{ rule: 'empty-graph', message: 'The graph has no nodes', path: ['nodes'] }]);
