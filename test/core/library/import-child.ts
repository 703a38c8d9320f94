// Runs `nianbao import` in a child process for the crash-safety test (which kills it with SIGKILL midway).
import { run } from '../../../src/cli/import';

process.exitCode = await run(process.argv.slice(2));
