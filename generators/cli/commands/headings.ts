/**
 * What `gatecheck --help` lists for each command: its usage line and one sentence. Kept apart from
 * the commands themselves so the list (and the choice of which command to load) needs none of them.
 */
export const headings = {
  inspect: {
    command: 'inspect <spec>',
    describe: 'Show how each operation is protected and how the gateway should reject bad requests',
  },
  generate: {
    command: 'generate <spec...>',
    describe: 'Generate Postman collections and environments from API Gateway OpenAPI exports',
  },
  sandbox: {
    command: 'sandbox',
    describe: 'Run a local Cognito user pool and API Gateway stage for a spec (until Ctrl-C)',
  },
  demo: {
    command: 'demo',
    describe: 'Start the sandbox, generate the example collection and run every check against it',
  },
  run: {
    command: 'run <collection>',
    describe:
      'Run a generated collection with newman: sign in once, run every check, write masked reports',
  },
  smoke: {
    command: 'smoke <collection>',
    describe:
      'After a deploy: wait for the stage to answer, then run only harmless checks (safe methods, sentinel targets), stopping at the first failure',
  },
  provision: {
    command: 'provision',
    describe:
      'Create or update the test users of a run (no invitation, permanent password from GATECHECK_PASSWORD, groups); safe to repeat',
  },
  tokens: {
    command: 'tokens',
    describe:
      'Sign in with the AWS SDK and show the token claims (not the tokens); use `run --tokens-from-sdk` to run with them',
  },
  'fetch-spec': {
    command: 'fetch-spec',
    describe:
      "Download a deployed REST API's OpenAPI export (oas30, with the authorizers) with the AWS SDK",
  },
  report: {
    command: 'report <action> <dirs...>',
    describe:
      'Merge the reports of `gatecheck run --shard i/n` into one summary.json, junit.xml and report.html',
  },
} as const;
