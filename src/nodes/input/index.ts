import type { NodeType } from '../node-type.js';
import { inputBoolean } from './boolean.js';
import { inputImage } from './image.js';
import { inputJson } from './json.js';
import { inputNumber } from './number.js';
import { inputSelect } from './select.js';
import { inputText } from './text.js';

/** The input node types. Each one is a file here, added to this list (keep it alphabetical). */
export const inputNodeTypes: readonly NodeType[] = [inputBoolean, inputImage, inputJson, inputNumber, inputSelect, inputText];
