// A second process for the migration race test: once loaded it says `ready`, waits for `go` on stdin (so that all
// processes open the store at the same moment), opens the store given on the command line and says `opened`.
import { openStore } from '../../../src/core/store';

const file = process.argv[2]!;
console.log('ready');
process.stdin.once('data', () => {
  try {
    openStore(file).close();
    console.log('opened');
    process.exit(0);
  } catch (err) {
    console.error(`failed: ${(err as Error).message}`);
    process.exit(1);
  }
});
