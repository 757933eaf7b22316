import Sandbox from 'postman-sandbox';

/**
 * Runs one script in postman-sandbox (the sandbox newman uses, with its bundled crypto-js) and
 * returns the collection variables it set: library code is tested where collections run it.
 */
export function runInPostmanSandbox(script: string): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    Sandbox.createContext({ timeout: 20_000 }, (error: unknown, context: SandboxContext) => {
      if (error) return reject(error);
      context.execute(
        { listen: 'test', script: { exec: script.split('\n') } },
        { context: { collectionVariables: [] }, timeout: 20_000 },
        (failure: unknown, result: SandboxResult) => {
          context.dispose();
          if (failure) return reject(failure);
          const values = result.collectionVariables?.values ?? [];
          return resolve(Object.fromEntries(values.map((v) => [v.key, String(v.value)])));
        },
      );
    });
  });
}

interface SandboxContext {
  execute(
    event: unknown,
    options: unknown,
    callback: (error: unknown, result: SandboxResult) => void,
  ): void;
  dispose(): void;
}
interface SandboxResult {
  collectionVariables?: { values?: { key: string; value: unknown }[] };
}
