// npm stores the packaged Meilisearch binary without its exec bit; restore it so the
// embedded default can spawn it. Missing package (non-linux-x64) is fine: see README.
import { chmodSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.cwd(), 'node_modules', '@gaubee', 'meilisearch-linux-amd64');
if (existsSync(dir)) {
  for (const name of readdirSync(dir, { recursive: true })) {
    const file = join(dir, String(name));
    if (/(^|\/)meilisearch$/.test(String(name))) chmodSync(file, 0o755);
  }
}
