/** The CLI from source, for child-process tests: `node --import tsx test/cli/main-entry.ts <args>`. */
import { main } from '../../generators/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
