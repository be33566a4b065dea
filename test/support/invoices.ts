import { SAME_ORIGIN } from './test-app.ts';

/** A minimal PDF whose bytes differ by `text`. */
export const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n% ${text}\n%%EOF\n`);

/** The multipart form a partner submits an invoice with. */
export function invoiceForm(
  fields: Record<string, string>,
  file: Uint8Array | null,
  cookie: string,
  fileName = 'fatura.pdf',
): RequestInit {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file)
    form.set(
      'file',
      new File([file as Uint8Array<ArrayBuffer>], fileName, { type: 'application/pdf' }),
    );
  return { method: 'POST', headers: { ...SAME_ORIGIN, Cookie: cookie }, body: form };
}

/** Valid fields of an invoice in the demo month. */
export const valid = { number: 'NF 123', issueDate: '2026-02-27', amount: '1.234,56' };
