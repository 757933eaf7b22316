#!/usr/bin/env -S node --
// The AWS SDK warns on Node 20 about its own future releases; gatecheck pins a version that runs
// on Node 20, so the warning would only be noise in every run. Set the variable to "false" to see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// A reader that stops early (`gatecheck inspect spec.json | head`) ends the output, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

// Node 22.1 and later keep the compiled modules between runs, so a command starts faster; Node 20
// has no such cache and starts as before.
const { default: nodeModule } = await import('node:module');
nodeModule.enableCompileCache?.();

const { main } = await import('../dist/generators/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
// Ctrl-C: the partial report is written and temporary files are gone, but a newman run in this
// process cannot be stopped and would keep it alive: leave now.
if (process.exitCode === 130) process.exit(130);
