import { createTranslator, formatCalendarDate, formatMoney, localeOf } from '../../i18n/index.ts';
import { composeMail } from '../mail/compose-mail.ts';

/** What happened to an invoice, as the partner is told by e-mail. */
export type InvoiceNews = 'received' | 'approved' | 'divergent' | 'paid';

type InvoiceFacts = {
  number: string;
  competenceMonth: string;
  amountMinor: number;
  currency: string;
  paymentDate: string;
  divergenceMessage?: string | null;
};

/** The e-mail that tells a partner about their invoice, in their language. */
export function composeInvoiceMail(
  news: InvoiceNews,
  partner: { name: string; locale: string },
  invoice: InvoiceFacts,
  url: string,
) {
  const lang = localeOf(partner.locale);
  const t = createTranslator(lang);
  const facts = {
    number: invoice.number,
    month: invoice.competenceMonth,
    amount: formatMoney(invoice.amountMinor, invoice.currency, lang),
    date: formatCalendarDate(invoice.paymentDate, lang),
  };
  return composeMail({
    lang,
    subject: t(`mail.invoice.${news}.subject`, facts),
    paragraphs: [
      t('mail.invoice.greeting', { name: partner.name }),
      t(`mail.invoice.${news}.body`, facts),
      ...(news === 'divergent' && invoice.divergenceMessage ? [invoice.divergenceMessage] : []),
    ],
    action: { label: t('mail.invoice.action'), url },
    footer: t('mail.footer'),
  });
}
