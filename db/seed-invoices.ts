import { eq, inArray } from 'drizzle-orm';
import { invoiceWindowOf, isoDateInZone, policy } from '../src/policy/index.ts';
import type { FileStore } from '../src/server/files/file-store.ts';
import type { Database } from './client.ts';
import { invoices, users } from './schema/index.ts';

// A one-page PDF that every viewer opens ("Fatura de demonstração").
const DEMO_PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 58 >> stream
BT /F1 18 Tf 24 70 Td (Fatura de demonstracao) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

// Valid CPFs for the demo partners, so they can submit invoices right away.
const DEMO_PAYMENT_DETAILS: Record<string, { taxId: string; pixKey: string }> = {
  'demo-cs': { taxId: '52998224725', pixKey: 'cs@ponte.example' },
  'demo-paid': { taxId: '11144477735', pixKey: '+5511987650101' },
  'demo-organic': { taxId: '39053344705', pixKey: 'trafego.organico@ponte.example' },
  'demo-design': { taxId: '12ABC34501DE35', pixKey: 'design@ponte.example' },
};

const DEMO_INVOICES = [
  {
    id: 'demo-invoice-paid',
    partnerId: 'demo-paid',
    number: 'NF 1001',
    amountMinor: 450_000,
    status: 'submitted' as const,
  },
  {
    id: 'demo-invoice-organic',
    partnerId: 'demo-organic',
    number: 'NF 87',
    amountMinor: 320_000,
    status: 'approved' as const,
  },
  {
    id: 'demo-invoice-design',
    partnerId: 'demo-design',
    number: 'RPA 12',
    amountMinor: 280_050,
    status: 'divergent' as const,
    divergenceMessage: 'O valor não confere com as horas combinadas para outubro.',
  },
];

/**
 * The demo partners' payment details and three invoices of this month's window (under
 * review, approved, with a divergence), their PDF in the bucket. Idempotent.
 */
export async function seedDemoInvoices(db: Database, files: FileStore, now: Date): Promise<void> {
  const month = isoDateInZone(now, policy.agency.timeZone).slice(0, 7);
  const window = invoiceWindowOf(month, policy);
  const existing = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(
      inArray(
        invoices.id,
        DEMO_INVOICES.map((i) => i.id),
      ),
    );
  const missing = DEMO_INVOICES.filter((invoice) => !existing.some((row) => row.id === invoice.id));
  const stored = await Promise.all(
    missing.map((invoice) =>
      files.put(
        `invoices/demo/${invoice.id}.pdf`,
        new TextEncoder().encode(`${DEMO_PDF}% ${invoice.id}\n`),
        'application/pdf',
      ),
    ),
  );
  const writes = [
    ...Object.entries(DEMO_PAYMENT_DETAILS).map(([id, details]) =>
      db.update(users).set(details).where(eq(users.id, id)),
    ),
    ...missing.map((invoice, index) =>
      db
        .insert(invoices)
        .values({
          ...invoice,
          competenceMonth: window.competenceMonth,
          submittedMonth: window.month,
          issueDate: `${window.competenceMonth}-28`,
          currency: policy.agency.currency,
          fileKey: stored[index]?.key ?? '',
          fileName: `${invoice.number.replace(/\s+/g, '-')}.pdf`,
          fileSize: stored[index]?.size ?? 0,
          fileSha256: stored[index]?.sha256 ?? invoice.id,
          paymentDueOn: window.paymentDate,
          submittedAt: window.opensAt,
          updatedAt: window.opensAt,
        })
        .onConflictDoNothing(),
    ),
  ];
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
}
