import { describe, expect, it } from 'vitest';
import { createTranslator, type Locale } from '../../../src/i18n/index.ts';
import type { Role } from '../../../src/policy/index.ts';
import type { HistoryEntry } from '../../../src/server/audit/event-history.ts';
import {
  actingRole,
  describeEvent,
  sentenceKey,
} from '../../../src/server/audit/history-sentence.ts';

const at = new Date('2026-03-05T15:00:00.000Z');
const marta = { name: 'Marta Lima', roles: ['finance', 'admin'] as Role[] };
const rita = { name: 'Rita Souza', roles: ['cs'] as Role[] };

function sentence(entry: Partial<HistoryEntry> & { action: string }, locale: Locale = 'pt-BR') {
  return describeEvent(
    { occurredAt: at, data: null, actor: null, ...entry },
    { t: createTranslator(locale), locale },
  );
}

describe('history sentences', () => {
  it('names who raised a divergence, in the role they acted in, and the message', () => {
    const data = { message: 'O valor não bate com o contrato.' };
    expect(sentence({ action: 'invoice_divergent', actor: marta, data })).toBe(
      'Marta Lima (financeiro) apontou uma divergência: O valor não bate com o contrato.',
    );
    expect(sentence({ action: 'invoice_divergent', actor: marta, data }, 'en')).toBe(
      'Marta Lima (finance) raised a divergence: O valor não bate com o contrato.',
    );
    expect(sentence({ action: 'invoice_divergent', actor: marta, data }, 'ru')).toContain(
      'Marta Lima (финансы)',
    );
  });

  it('names a partner acting on their own invoice without a role', () => {
    const data = { number: 'NF 123', amountMinor: 100 };
    expect(sentence({ action: 'invoice_submitted', actor: rita, data })).toBe(
      'Rita Souza enviou a fatura NF 123',
    );
  });

  it('writes a payment date as the reader reads it', () => {
    const data = { paidOn: '2026-03-31' };
    expect(sentence({ action: 'invoice_paid', actor: marta, data })).toBe(
      'Marta Lima (financeiro) registrou o pagamento em 31/03/2026',
    );
    expect(sentence({ action: 'invoice_paid', actor: marta, data }, 'en')).toContain('3/31/26');
  });

  it('chooses the sentence of a decision by its outcome, and a generic one for any other action', () => {
    expect(sentenceKey({ action: 'approval_decided', data: { decision: 'approved' } })).toBe(
      'history.events.approval_decided_approved',
    );
    expect(sentenceKey({ action: 'invoice_approved', data: null })).toBe(
      'history.events.invoice_approved',
    );
    expect(sentenceKey({ action: 'something_new', data: null })).toBe('history.unknown');
    const unknown = sentence({ action: 'something_new', actor: rita });
    expect(unknown).toBe('Rita Souza (CS) registrou uma alteração');
    expect(unknown).not.toContain('something_new');
  });

  it('names the client contact, or Ponte itself, when no person of the agency acted', () => {
    expect(
      sentence({
        action: 'approval_decided',
        data: { decision: 'changes_requested', version: 2 },
        contactName: 'João',
      }),
    ).toBe('João pediu alterações na versão 2');
    expect(sentence({ action: 'approval_reminded', data: { version: 1 } })).toBe(
      'O cliente foi lembrado(a) da versão 1',
    );
    expect(sentence({ action: 'something_new' })).toBe('A Ponte registrou uma alteração');
  });

  it('adds what the person wrote with the action, when they wrote something', () => {
    expect(
      sentence({ action: 'task_returned', actor: rita, data: { comment: 'Falta a arte.' } }),
    ).toBe('Rita Souza (CS) devolveu um pedido de tarefa: Falta a arte.');
    expect(sentence({ action: 'task_accepted', actor: rita, data: {} })).toBe(
      'Rita Souza (CS) aceitou um pedido de tarefa',
    );
  });

  it('prefers the role an action is taken in, else the first role held', () => {
    expect(actingRole('invoice_approved', ['cs', 'finance'])).toBe('finance');
    expect(actingRole('invoice_approved', ['admin'])).toBe('admin');
    expect(actingRole('roles_changed', ['finance', 'admin'])).toBe('admin');
    expect(actingRole('version_added', ['design', 'cs'])).toBe('design');
    expect(actingRole('invoice_submitted', ['cs'])).toBeNull();
    expect(actingRole('version_added', [])).toBeNull();
  });
});
