import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Meilisearch does not lock its data folder against a second process: an app that crashed (or was
 * killed with -9) leaves its Meilisearch running, and the next start would open the same folder
 * twice. The pid of the running server is kept beside its data so the next start can stop it.
 */
const pidFile = (dataDir: string) => join(dataDir, 'meilisearch.pid');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** True only for a Meilisearch on this data folder (never another process that reused the pid). */
function servesFolder(pid: number, dbPath: string): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return args.some((a) => a.endsWith('meilisearch')) && args.includes(dbPath);
  } catch {
    return false;
  }
}

/** Stops a Meilisearch left running on this folder by a previous run, and waits until it is gone. */
export async function stopPrevious(dataDir: string, dbPath: string, log?: (line: string) => void): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile(dataDir), 'utf8').trim());
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !servesFolder(pid, dbPath)) return;
  log?.(`meilisearch: a previous Meilisearch (pid ${pid}) still runs on ${dbPath}; stopping it first`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (alive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 200));
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function writePidFile(dataDir: string, pid: number | undefined) {
  if (pid) writeFileSync(pidFile(dataDir), `${pid}\n`);
}

export function removePidFile(dataDir: string) {
  rmSync(pidFile(dataDir), { force: true });
}
