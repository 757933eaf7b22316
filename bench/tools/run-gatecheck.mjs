// Runs a collection with gatecheck's runner (the built code, one newman run, as `gatecheck run`
// does) with the run values of a JSON file; prints {"exitCode", "requests"} (requests: items run).
import { readFileSync } from 'node:fs';
import { runCollection } from '../../dist/generators/run/run-collection.js';

const [collectionPath, valuesFile, reportsDir] = process.argv.slice(2);
const { values, secrets } = JSON.parse(readFileSync(valuesFile, 'utf8'));
let requests = 0;
const result = await runCollection({
  collectionPath,
  values,
  secrets,
  reportsDir,
  workers: 1,
  io: {
    out: () => {},
    err: (line) => {
      if (/^\[\s*\d+\/\d+\]/.test(line)) requests += 1;
      // Anything else is why the run could not go on: the bench shows it.
      else process.stderr.write(`${line}\n`);
    },
  },
});
process.stdout.write(`${JSON.stringify({ exitCode: result.exitCode, requests })}\n`);
