import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Where messages go, for the start-up log ("smtp://host" or a folder). */
  describe(): string;
  /** Erasure: removes any copy the mailer keeps of messages to this address (the dev outbox does). */
  forget?(address: string): Promise<void>;
}

/**
 * Without SMTP, each message is a plain-text file under <DATA_DIR>/mail/ so a developer
 * (and the tests) can follow the links it carries.
 */
export function createFileMailer({ dir, from, logger }: { dir: string; from: string; logger: FastifyBaseLogger }): Mailer {
  return {
    describe: () => dir,
    async send(message) {
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = join(dir, `${stamp}-${randomBytes(3).toString('hex')}.eml`);
      const body = [
        `From: ${from}`,
        `To: ${message.to}`,
        `Subject: ${message.subject}`,
        `Date: ${new Date().toUTCString()}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        message.text,
        '',
      ].join('\n');
      await writeFile(file, body, { encoding: 'utf8', mode: 0o600 });
      // Debug level: the demo seed alone writes dozens, and the start-up says where the folder is.
      logger.debug({ mailFile: file }, 'e-mail written to the dev mail outbox');
    },
    async forget(address) {
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names) {
        const file = join(dir, name);
        if ((await readFile(file, 'utf8').catch(() => '')).includes(`\nTo: ${address}\n`)) await rm(file, { force: true });
      }
    },
  };
}

/**
 * The one way services send mail: after their transaction has committed (never inside it, so a
 * rolled-back change sends nothing and a slow server holds no transaction). A failed send is
 * logged, not thrown: the change stands and the user can ask for the mail again.
 */
export function createMailAfterCommit({ mailer, logger }: { mailer: Mailer; logger: FastifyBaseLogger }) {
  return async function sendAfterCommit(message: MailMessage): Promise<void> {
    try {
      await mailer.send(message);
    } catch (error) {
      logger.error({ err: error, mailSubject: message.subject }, 'sending e-mail failed');
    }
  };
}
export type SendMail = ReturnType<typeof createMailAfterCommit>;

export async function createSmtpMailer({ url, from }: { url: string; from: string }): Promise<Mailer> {
  const { createTransport } = await import('nodemailer');
  const transport = createTransport(pooledByDefault(url));
  const safeUrl = new URL(url);
  safeUrl.password = '';
  safeUrl.username = '';
  return {
    describe: () => safeUrl.toString(),
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/**
 * A pool of a few kept-open connections unless the URL says otherwise (?pool=false): a fan-out of
 * a thousand invitations must not open a thousand SMTP sessions one after the other.
 */
export function pooledByDefault(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('pool')) parsed.searchParams.set('pool', 'true');
  if (parsed.searchParams.get('pool') === 'true' && !parsed.searchParams.has('maxConnections'))
    parsed.searchParams.set('maxConnections', '3');
  return parsed.toString();
}
