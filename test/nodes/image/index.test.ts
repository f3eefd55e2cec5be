import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { imageNodeTypes } from '../../../src/nodes/image/index.js';
import { inputImage } from '../../../src/nodes/input/image.js';

describe('image node types', () => {
  it('lists the image utilities', () => {
    expect(imageNodeTypes.map((type) => type.nodeType).sort()).toEqual([
      'utility:image_caption',
      'utility:image_convert',
      'utility:image_crop',
      'utility:image_grid',
      'utility:image_resize',
    ]);
  });

  it.each([...imageNodeTypes, inputImage].map((type) => [type.nodeType, type] as const))(
    '%s: settings have JSON Schema, no key named like an input port, and cost nothing',
    (_name, type) => {
      const schema = z.toJSONSchema(type.config, { io: 'input' }) as { properties?: Record<string, { description?: string }> };
      const keys = Object.keys(schema.properties ?? {});
      for (const port of type.inputs) expect(keys).not.toContain(port.name);
      for (const key of keys) expect(schema.properties?.[key]?.description, key).toBeTruthy();
      expect(type.cost({})).toBe(0);
      expect(type.outputs.some((port) => port.name === 'image' && port.type === 'image')).toBe(true);
    },
  );
});
