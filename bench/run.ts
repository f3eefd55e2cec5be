import { formatEngineReport, runEngineBench } from './engine/index.js';

/** `npm run bench` prints tables; `npm run -s bench -- --json` prints one JSON document instead. */
const json = process.argv.includes('--json');

const engine = await runEngineBench();
process.stdout.write(json ? `${JSON.stringify({ engine }, null, 2)}\n` : formatEngineReport(engine));
