// npm run fuzz:readers [-- runs] [seed]: the readers' fuzz at full size (10,000 mutants by default), in a worker with
// the import workers' heap limit; prints the figures and exits 1 when any document threw, was malformed or took 1 s.
import { describeReport, runReadFuzz } from '../test/core/read/run-read-fuzz';

const runs = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 20_260_101);
const report = await runReadFuzz({ runs, seed, limitMs: 1_000 });
console.log(describeReport(report));
for (const f of report.failures.slice(0, 20)) console.log(`  ${f.name} [${f.what}]: ${f.problem}`);
process.exit(report.failures.length === 0 ? 0 : 1);
