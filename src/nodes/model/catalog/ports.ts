import type { PortSpec } from '../../../graph/index.js';

/** The ports model entries share, so "prompt" means the same thing on every generator. */

export const promptIn: PortSpec = { name: 'prompt', type: 'text', required: true, description: 'What to make, in words.' };
export const optionalPromptIn: PortSpec = { ...promptIn, required: false, description: 'Optional guidance in words.' };
export const imageIn: PortSpec = { name: 'image', type: 'image', required: true, description: 'The image to work on: a URL, data URI, artifact or file path.' };
export const audioIn: PortSpec = { name: 'audio', type: 'audio', required: true, description: 'The recording to transcribe.' };
export const textIn: PortSpec = { name: 'text', type: 'text', required: true, description: 'The words to speak.' };

export const imageOut: PortSpec = { name: 'image', type: 'image', description: 'The (first) image, as one URL.' };
export const imagesOut: PortSpec = { name: 'images', type: 'image[]', description: 'Every image, as a list of URLs.' };
export const videoOut: PortSpec = { name: 'video', type: 'video', description: 'The video, as one URL.' };
export const audioOut: PortSpec = { name: 'audio', type: 'audio', description: 'The audio, as one URL.' };
export const textOut: PortSpec = { name: 'text', type: 'text', description: 'The text.' };

export const imageOutputs: readonly PortSpec[] = [imageOut, imagesOut];
