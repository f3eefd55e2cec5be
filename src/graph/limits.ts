export const GRAPH_LIMITS = {
  maxNodes: 100,
  maxEdges: 500,
  maxConfigBytesPerNode: 256 * 1024,
  maxIdLength: 128,
} as const;
