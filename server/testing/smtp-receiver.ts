// A real SMTP server on a random loopback port, for the mailer's tests (smtp-server): it takes the
// messages nodemailer sends and parses them back (mailparser), or refuses them the ways mail servers
// do, as its `mode` says at the time: a recipient unknown (550 at RCPT TO), a temporary refusal (451),
// or the account's login refused with a reply that quotes the password it was given (a server that
// careless must still not put the password in the outbox).
import { createServer, type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceiverMode = 'accept' | 'unknownRecipient' | 'tryLater' | 'refuseLogin';

export interface ReceivedMail {
  from: string;
  to: string[];
  user: string | null;
  mail: ParsedMail;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export class SmtpReceiver {
  mode: ReceiverMode = 'accept';
  readonly received: ReceivedMail[] = [];
  readonly #server: SMTPServer;
  readonly #waiting: ((mail: ReceivedMail) => void)[] = [];
  port = 0;

  private constructor(account: { user: string; password: string } | null) {
    this.#server = new SMTPServer({
      logger: false,
      // Plain text on loopback: nodemailer logs in without STARTTLS when the server offers none.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authOptional: account === null,
      onAuth: (auth, _session, callback) => {
        if (this.mode === 'refuseLogin')
          return callback(
            smtpError(535, `login refused for ${auth.username ?? ''} with ${auth.password ?? ''}`),
          );
        if (account && auth.username === account.user && auth.password === account.password)
          return callback(null, { user: auth.username });
        callback(smtpError(535, 'authentication failed'));
      },
      onRcptTo: (_address, _session, callback) => {
        if (this.mode === 'unknownRecipient') return callback(smtpError(550, '5.1.1 mailbox unknown'));
        if (this.mode === 'tryLater') return callback(smtpError(451, '4.3.0 try again later'));
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            const received: ReceivedMail = {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              user: typeof session.user === 'string' ? session.user : null,
              mail,
            };
            this.received.push(received);
            for (const resolve of this.#waiting.splice(0)) resolve(received);
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
  }

  /** `account`: the login it requires (none: anyone may send). */
  static async start(account: { user: string; password: string } | null = null): Promise<SmtpReceiver> {
    const receiver = new SmtpReceiver(account);
    await new Promise<void>((resolve) => receiver.#server.listen(0, '127.0.0.1', resolve));
    receiver.port = (receiver.#server.server.address() as AddressInfo).port;
    return receiver;
  }

  /** The next message to arrive. */
  next(): Promise<ReceivedMail> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

/** A loopback port nothing listens on (taken, then freed): connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
