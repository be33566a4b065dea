import { describe, expect, it } from 'vitest';
import {
  piecesToStartOf,
  requestDueOnOf,
  suggestedKindOf,
  suggestedPiecesOf,
} from '../../../src/server/client-requests/triage-pieces.ts';

describe('the pieces CS names at triage', () => {
  it('one per line, trimmed, blank lines dropped, any line break', () => {
    expect(piecesToStartOf(' Post 1 \r\nBanner\rE-mail\n\n   \n')).toEqual([
      'Post 1',
      'Banner',
      'E-mail',
    ]);
    expect(piecesToStartOf('')).toEqual([]);
    expect(piecesToStartOf('\n \n')).toEqual([]);
  });

  it('refuses a line with a control character (tab, NUL, escape, DEL), not accents or emoji', () => {
    for (const bad of ['a\tb', 'a\u0000', '\u001b[31m', 'x\u007f'])
      expect(piecesToStartOf(`Post\n${bad}`)).toBeNull();
    expect(piecesToStartOf('Promoção de São João 🎉')).toEqual(['Promoção de São João 🎉']);
  });

  it('proposes the request’s title as the one piece', () => {
    expect(suggestedPiecesOf({ title: '  Campanha de inverno ' })).toBe('Campanha de inverno');
  });
});

describe('what the request says of its pieces', () => {
  const dateField = JSON.stringify([{ key: 'prazo', type: 'date', label: 'Prazo' }]);

  it('the due date: the form’s date field, else the default forms’ dueDate, only a real day', () => {
    expect(requestDueOnOf(dateField, JSON.stringify({ prazo: '2027-01-31' }))).toBe('2027-01-31');
    expect(requestDueOnOf(dateField, JSON.stringify({ dueDate: '2027-01-31' }))).toBeNull();
    expect(requestDueOnOf('[]', JSON.stringify({ dueDate: '2027-01-31' }))).toBe('2027-01-31');
    expect(requestDueOnOf('[]', JSON.stringify({ dueDate: '2027-02-29' }))).toBeNull();
    expect(requestDueOnOf('[]', JSON.stringify({ dueDate: '2028-02-29' }))).toBe('2028-02-29');
    expect(requestDueOnOf('[]', JSON.stringify({ dueDate: 20270131 }))).toBeNull();
    expect(requestDueOnOf('not json', 'not json')).toBeNull();
  });

  it('the kind: the answer named kind when it is a piece kind, else other', () => {
    expect(suggestedKindOf(JSON.stringify({ kind: 'banner' }))).toBe('banner');
    expect(suggestedKindOf(JSON.stringify({ kind: 'poster' }))).toBe('other');
    expect(suggestedKindOf('{}')).toBe('other');
    expect(suggestedKindOf('null')).toBe('other');
  });
});
