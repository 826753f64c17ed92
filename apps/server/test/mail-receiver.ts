import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SmtpConfig } from '../src/config/app-config.js';
import { eventually } from './collab-client.js';

/** A message as the receiver got it, decoded enough to read. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** Quoted-printable (as in bodies and Q-encoded words) to bytes. */
function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i));
    }
  }
  return Buffer.from(bytes);
}

/** Splits a raw single-part message into its subject (RFC 2047 words decoded), sender and text. */
export function readMessage(raw: string): Omit<ReceivedMail, 'to'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1] ?? '';
  const words = (value: string) =>
    value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, encoding: string, text: string) =>
      (encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintable(text.replace(/_/g, ' '))).toString('utf8'),
    );
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? quotedPrintable(body.replace(/=\r\n/g, '')).toString('utf8')
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return { subject: words(header('Subject')), from: words(header('From')), text: text.replace(/\r\n/g, '\n').trimEnd() };
}

/**
 * A real SMTP server (the `smtp-server` package) on a free local port that keeps what it
 * receives, for tests of the e-mails Kapitel sends.
 */
export class MailReceiver {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    /** What arrived, in order. */
    readonly received: ReceivedMail[],
  ) {}

  static async start(): Promise<MailReceiver> {
    const received: ReceivedMail[] = [];
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({ ...readMessage(Buffer.concat(chunks).toString('latin1')), to: session.envelope.rcptTo.map((rcpt) => rcpt.address) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new MailReceiver(server, (server.server.address() as AddressInfo).port, received);
  }

  /** The SMTP settings that make a Kapitel server send here. */
  get smtp(): SmtpConfig {
    return { url: `smtp://127.0.0.1:${this.port}`, from: 'Kapitel <kapitel@example.org>' };
  }

  /** Every mail received so far for `address`. */
  mailsTo(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  /** Waits for the `count`th mail to `address` and returns it. */
  async nextMailTo(address: string, count = 1): Promise<ReceivedMail> {
    await eventually(() => this.mailsTo(address).length >= count, `mail number ${count} to ${address}`, 15_000);
    return this.mailsTo(address)[count - 1];
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(resolve));
  }
}

/** The first http(s) address in a mail's text. */
export function linkIn(mail: ReceivedMail): string {
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  if (!link) {
    throw new Error(`no link in the mail:\n${mail.text}`);
  }
  return link;
}
