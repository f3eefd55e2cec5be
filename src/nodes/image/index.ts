import type { NodeType } from '../node-type.js';
import { captionImage } from './caption.js';
import { convertImage } from './convert.js';
import { cropImage } from './crop.js';
import { gridImages } from './grid.js';
import { resizeImage } from './resize.js';

export const imageNodeTypes: readonly NodeType[] = [resizeImage, cropImage, convertImage, captionImage, gridImages];
