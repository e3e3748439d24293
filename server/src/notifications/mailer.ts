import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { OutboxMailModel } from './outbox-mail.model';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends mail through SMTP_URL. Without it, outside production, mail is kept in the development
 * outbox (readable at /api/dev/outbox) and its link is logged; in production it is an error.
 */
export class Mailer {
  private readonly transport: Transporter | undefined;

  constructor(
    private readonly config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'isProduction' | 'publicUrl'>,
    private readonly log: Logger,
  ) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
  }

  async send(mail: Mail): Promise<void> {
    if (this.transport) {
      await this.transport.sendMail({ from: this.config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
      this.log.info({ to: mail.to, subject: mail.subject }, 'mail sent');
      return;
    }
    if (this.config.isProduction) {
      this.log.error({ subject: mail.subject }, 'mail not sent: SMTP_URL is not set');
      return;
    }
    const kept = await OutboxMailModel.create(mail);
    this.log.info({ to: mail.to, subject: mail.subject }, `mail kept in the development outbox: ${this.config.publicUrl}/api/dev/outbox/${kept._id.toString()}`);
  }

  /** Sends without making the caller wait or fail: a slow mail server must not slow a request down. */
  sendInBackground(mail: Mail): void {
    this.send(mail).catch((error: unknown) => this.log.error({ err: error, subject: mail.subject }, 'mail could not be sent'));
  }

  close(): void {
    this.transport?.close();
  }
}
