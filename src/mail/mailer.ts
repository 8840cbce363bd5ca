import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type Nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { newId } from '../lib/ids.ts';
import { lazyRequire } from '../lib/lazy.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** SMTP when configured; otherwise each mail is written as an .eml file to the outbox folder and logged. */
export function createMailer(opts: {
  smtpUrl: string | null;
  from: string;
  outboxDir: string;
  log: Logger;
}): Mailer {
  // Loaded with the first mail: most processes never send one.
  const nodemailer = () => lazyRequire<typeof Nodemailer>('nodemailer');
  if (opts.smtpUrl) {
    const smtpUrl = opts.smtpUrl;
    let smtp: Nodemailer.Transporter | null = null;
    return {
      async send(mail) {
        smtp ??= nodemailer().createTransport(smtpUrl);
        await smtp.sendMail({ from: opts.from, ...mail });
        opts.log.info({ to: mail.to, subject: mail.subject }, 'mail sent');
      },
    };
  }
  let outbox: Nodemailer.Transporter | null = null;
  return {
    async send(mail) {
      const transport = (outbox ??= nodemailer().createTransport({
        streamTransport: true,
        buffer: true,
        newline: 'unix',
      }));
      const info = await transport.sendMail({ from: opts.from, ...mail });
      await mkdir(opts.outboxDir, { recursive: true });
      const file = path.join(opts.outboxDir, `${newId()}.eml`);
      await writeFile(file, info.message as Buffer);
      opts.log.info({ to: mail.to, subject: mail.subject, file }, 'mail written to outbox');
    },
  };
}
