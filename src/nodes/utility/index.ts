import type { NodeType } from '../node-type.js';
import { httpRequest } from './http-request.js';
import { jsonExtract } from './json-extract.js';
import { promptConcat } from './prompt-concat.js';
import { promptTemplate } from './prompt-template.js';
import { textSplit } from './text-split.js';

/** The text and data utilities; the image utilities are listed in ../image/index.ts. */
export const textUtilityNodeTypes: readonly NodeType[] = [httpRequest, jsonExtract, promptConcat, promptTemplate, textSplit];
