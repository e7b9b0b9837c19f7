import { freePort } from '@hpen/search';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for benchmarks: counts what it receives per recipient, and can be "down"
 * (answers every connection with 421, as a server under maintenance does) and come back.
 */
export async function startSmtpSink() {
  const port = await freePort();
  const received = new Map<string, number>();
  let down = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    size: 1_000_000,
    onConnect(_session, callback) {
      if (!down) return callback();
      const error = Object.assign(new Error('Service not available, closing transmission channel'), { responseCode: 421 });
      return callback(error);
    },
    onMailFrom(_address, _session, callback) {
      // Connections kept open from before the outage fail too.
      if (!down) return callback();
      return callback(Object.assign(new Error('Service not available'), { responseCode: 421 }));
    },
    onData(stream, session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        for (const rcpt of session.envelope.rcptTo) received.set(rcpt.address, (received.get(rcpt.address) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Messages received for addresses matching `to`. */
    count: (to: RegExp) => [...received].filter(([a]) => to.test(a)).reduce((n, [, c]) => n + c, 0),
    setDown: (value: boolean) => {
      down = value;
    },
    reset: () => received.clear(),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
