// `node scripts/demo/bank-coverage.ts`: what the demo challenge bank covers (competences × levels, tubes,
// formats, files, offline websites, simulators), as the demo data test checks it.
import { bankCoverage, formatCoverage } from '../../resources/demo/bank-coverage.ts';
import { loadDemoData } from '../../resources/demo/load-demo.ts';

console.log(formatCoverage(bankCoverage(loadDemoData().bank)));
