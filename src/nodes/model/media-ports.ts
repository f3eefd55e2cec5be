import { itemType, type PortSpec } from '../../graph/index.js';

const FILE_TYPES = new Set(['image', 'video', 'audio']);

/** Ports whose values are files (image, video, audio, or lists of them): URLs to move between us and a provider. */
export function filePorts(ports: readonly PortSpec[]): PortSpec[] {
  return ports.filter((port) => FILE_TYPES.has(itemType(port.type)));
}

/** Applies `map` to a port value that is one ref or a list of refs, keeping the shape. */
export async function mapRefs(value: unknown, map: (ref: string) => Promise<string>): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map((item) => mapRefs(item, map)));
  return typeof value === 'string' ? map(value) : value;
}
