import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible chat server on 127.0.0.1 for `llm:*` nodes: it answers `<prompt> +1`,
 * so each node of an llmChain gets a distinct prompt, and counts the calls per prompt. Answers
 * wait `delayMs`, or until `release()` when `hold` is on.
 */
export interface FakeLlm {
  /** `OPENAI_BASE_URL` for the server under test. */
  baseUrl: string;
  callsFor(prompt: string): number;
  /** Every prompt received, in order. */
  prompts: string[];
  /** `fail`: prompts answered 400 (a permanent error: the node fails without retrying). */
  knobs: { delayMs: number; hold: boolean; fail: Set<string> };
  /** Resolves once `prompt` has been received `times` times. */
  waitForCall(prompt: string, times?: number): Promise<void>;
  /** Lets every held answer go. */
  release(): void;
  close(): Promise<void>;
}

export async function startFakeLlm(): Promise<FakeLlm> {
  const prompts: string[] = [];
  const knobs = { delayMs: 0, hold: false, fail: new Set<string>() };
  let held: Array<() => void> = [];
  const server = createServer(async (req, res) => {
    const prompt = lastUserMessage(await readJson(req));
    prompts.push(prompt);
    if (knobs.fail.has(prompt)) return refuse(res);
    if (knobs.hold) await new Promise<void>((resolve) => held.push(resolve));
    else if (knobs.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, knobs.delayMs));
    answer(res, `${prompt} +1`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    prompts,
    callsFor: (prompt) => prompts.filter((p) => p === prompt).length,
    async waitForCall(prompt, times = 1) {
      const deadline = Date.now() + 15_000;
      while (prompts.filter((p) => p === prompt).length < times) {
        if (Date.now() > deadline) throw new Error(`the fake LLM never got ${JSON.stringify(prompt)}; it got ${JSON.stringify(prompts)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    knobs,
    release() {
      const waiting = held;
      held = [];
      for (const go of waiting) go();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const go of held) go();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

function lastUserMessage(body: unknown): string {
  const messages = (body as { messages?: Array<{ role: string; content: string }> }).messages ?? [];
  return messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
}

function refuse(res: ServerResponse): void {
  res.writeHead(400, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message: 'Invalid prompt', type: 'invalid_request_error', param: 'messages', code: null } }));
}

function answer(res: ServerResponse, content: string): void {
  if (res.destroyed) return;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    }),
  );
}
