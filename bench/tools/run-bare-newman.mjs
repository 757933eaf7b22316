// The same requests without gatecheck: newman in-process, no reporters, on a collection whose
// scripts were removed, with the run values (and minted tokens) as environment values.
import { readFileSync } from 'node:fs';
import newman from 'newman';

const [collectionPath, valuesFile] = process.argv.slice(2);
const collection = JSON.parse(readFileSync(collectionPath, 'utf8'));
const { values } = JSON.parse(readFileSync(valuesFile, 'utf8'));
let requests = 0;
await new Promise((resolve, reject) => {
  newman
    .run(
      {
        collection,
        environment: { values: Object.entries(values).map(([key, value]) => ({ key, value })) },
        reporters: [],
        timeoutRequest: 30_000,
      },
      (error) => (error ? reject(error) : resolve()),
    )
    .on('request', () => {
      requests += 1;
    });
});
process.stdout.write(`${JSON.stringify({ exitCode: 0, requests })}\n`);
