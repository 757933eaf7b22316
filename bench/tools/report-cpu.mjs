// Loaded with `node --import` ahead of a measured program: when the process exits it writes its own
// CPU time (user + system, start-up included), peak resident set and wall time as one JSON line to
// the file named by GATECHECK_BENCH_REPORT.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const started = performance.timeOrigin;
process.on('exit', () => {
  const file = process.env.GATECHECK_BENCH_REPORT;
  if (!file) return;
  const usage = process.resourceUsage();
  writeFileSync(
    file,
    JSON.stringify({
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      maxRssKb: usage.maxRSS,
      wallMs: Date.now() - started,
    }),
  );
});
