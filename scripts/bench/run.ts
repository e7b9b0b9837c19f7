/**
 * `npm run bench`: every benchmark, on data the scripts generate, printed as a table.
 * Run on an otherwise idle machine; figures go in the closing note.
 */
import { benchAuth } from './auth.bench.js';
import { benchConsultations } from './consultations.bench.js';
import { benchCuration } from './curation.bench.js';
import { benchEligibility } from './eligibility.bench.js';
import { benchExperts } from './experts.bench.js';
import { benchMixed } from './mixed.bench.js';
import { benchRelevance } from './relevance.bench.js';
import { benchReports } from './reports.bench.js';
import { benchSearch } from './search.bench.js';

const benches: Record<string, () => Promise<Record<string, string>>> = {
  auth: benchAuth,
  experts: benchExperts,
  search: benchSearch,
  curation: benchCuration,
  mixed: benchMixed,
  consultations: benchConsultations,
  relevance: benchRelevance,
  reports: benchReports,
  eligibility: benchEligibility,
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n## ${name}`);
  const figures = await run();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(48)} ${v}`);
}
