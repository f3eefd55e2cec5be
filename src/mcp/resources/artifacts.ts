import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Backend } from '../../backend/index.js';
import { guardedRead } from './contents.js';
import { variable } from './variable.js';

const TEXTUAL = /^(text\/|application\/json)/;

/** Output files, reached through the resource links tool results carry; not listed (there may be thousands). */
export function registerArtifactResources(server: McpServer, backend: Backend): void {
  server.registerResource(
    'artifact',
    new ResourceTemplate('pipewright://artifacts/{id}', { list: undefined }),
    { title: 'Output file', description: 'An image, video, audio or text file an execution produced' },
    guardedRead(server, async (uri: URL, variables) => {
      const { bytes, contentType } = await backend.readArtifact(variable(variables, 'id'));
      const content = TEXTUAL.test(contentType) ? { text: Buffer.from(bytes).toString('utf8') } : { blob: Buffer.from(bytes).toString('base64') };
      return { contents: [{ uri: uri.href, mimeType: contentType, ...content }] };
    }),
  );
}
