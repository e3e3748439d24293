import { objectIdSchema } from '@shared/catalog/product';
import { z } from 'zod';
import { AppError } from '../http/app-error';
import type { ApiRoutes } from '../http/api-routes';
import { OutboxMailModel } from './outbox-mail.model';

const outboxMailSchema = z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), createdAt: z.iso.datetime() });

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Development only: the mail the shop would have sent, newest first. */
export function registerDevOutboxRoutes(api: ApiRoutes): void {
  api.add({
    method: 'get',
    path: '/dev/outbox',
    tag: 'Development',
    summary: 'Mail kept instead of sent (development without SMTP_URL only)',
    query: z.strictObject({ to: z.string().max(254).optional() }),
    response: { status: 200, description: 'Newest first, at most 50', schema: z.object({ items: z.array(outboxMailSchema) }) },
    handler: async ({ query }) => {
      const mails = await OutboxMailModel.find(query.to ? { to: query.to.toLowerCase() } : {})
        .sort({ createdAt: -1, _id: -1 })
        .limit(50)
        .lean();
      return {
        items: mails.map((mail) => ({ id: mail._id.toString(), to: mail.to, subject: mail.subject, text: mail.text, createdAt: mail.createdAt.toISOString() })),
      };
    },
  });

  api.add({
    method: 'get',
    path: '/dev/outbox/:id',
    tag: 'Development',
    summary: 'One kept mail as a readable page, with its links clickable',
    params: z.strictObject({ id: objectIdSchema }),
    response: { status: 200, description: 'An HTML page', contentType: 'text/html' },
    errors: [404],
    handler: async ({ params }, _req, res) => {
      const mail = await OutboxMailModel.findById(params.id).lean();
      if (!mail) throw AppError.notFound('Mail');
      const body = escapeHtml(mail.text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
      res
        .type('html')
        .send(`<!doctype html><meta charset="utf-8"><title>${escapeHtml(mail.subject)}</title><body style="font-family:system-ui;max-width:40rem;margin:2rem auto"><p>To: ${escapeHtml(mail.to)}</p><h1>${escapeHtml(mail.subject)}</h1><pre style="white-space:pre-wrap;font:inherit">${body}</pre>`);
      return undefined;
    },
  });
}
