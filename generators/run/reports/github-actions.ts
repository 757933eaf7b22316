/**
 * GitHub Actions masks a value in its logs once the workflow prints `::add-mask::<value>` on stdout
 * (actions/toolkit docs/commands.md). Masking is line-based, so a multi-line value is registered
 * line by line. It protects logs only, not uploaded report files: those are masked by secret-mask.ts.
 */

export function isGithubActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

export function addMaskCommands(value: string): string[] {
  return value
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => `::add-mask::${line}`);
}
