import { describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import {
  checkRequestAnswer,
  requestTitle,
  typedAnswers,
} from '../../src/server/client-requests/request-answers.ts';
import {
  fieldsFromForm,
  templateFormInput,
} from '../../src/server/client-requests/request-input.ts';
import {
  checkTemplateFields,
  type TemplateField,
} from '../../src/server/client-requests/template-schema.ts';

const limits = policy.clientSpace.requests;
const field = (over: Partial<TemplateField>): TemplateField => ({
  key: 'f',
  label: 'Campo',
  type: 'short_text',
  required: false,
  ...over,
});

describe('the request form schema', () => {
  it('accepts every field type, with help, default and a choice’s options', () => {
    const checked = checkTemplateFields(
      [
        field({ key: 'title', required: true, help: 'Um nome curto', default: 'Post' }),
        field({ key: 'about', type: 'long_text' }),
        field({ key: 'when', type: 'date' }),
        field({ key: 'where', type: 'choice', options: ['Instagram', 'Site'] }),
        field({ key: 'logo', type: 'file' }),
      ],
      policy,
    );
    expect(checked.ok).toBe(true);
  });

  it.each([
    ['a password in the label', field({ label: 'Password of the page' })],
    ['a senha in the help', field({ help: 'Informe a senha' })],
    ['a пароль', field({ label: 'Пароль' })],
    ['a secret in the key', field({ key: 'clientSecret' })],
  ])('refuses %s, as the questionnaire does', (_, asking) => {
    expect(checkTemplateFields([asking], policy)).toMatchObject({
      ok: false,
      problems: [{ row: 0, messageKey: 'requestTemplates.password' }],
    });
  });

  it('refuses keys that are not simple words, labels too long, no fields at all', () => {
    expect(checkTemplateFields([field({ key: 'Título' })], policy)).toMatchObject({
      problems: [{ row: 0, field: 'key', messageKey: 'requestTemplates.badKey' }],
    });
    expect(checkTemplateFields([field({ label: 'x'.repeat(121) })], policy)).toMatchObject({
      problems: [{ row: 0, field: 'label', messageKey: 'requestTemplates.tooLong' }],
    });
    expect(checkTemplateFields([], policy)).toMatchObject({ problems: [{ row: null }] });
  });
});

describe('a request’s answers', () => {
  it('refuses what is wrong in a draft too, and what is missing only when sending', () => {
    const title = field({ key: 'title', required: true });
    expect(checkRequestAnswer(title, undefined, 0, limits, false)).toBeNull();
    expect(checkRequestAnswer(title, '', 0, limits, true)).toBe('requestForm.required');
    expect(
      checkRequestAnswer(title, 'x'.repeat(limits.maxShortTextChars), 0, limits, true),
    ).toBeNull();
    expect(
      checkRequestAnswer(title, 'x'.repeat(limits.maxShortTextChars + 1), 0, limits, false),
    ).toBe('requestForm.tooLong');
    const about = field({ type: 'long_text' });
    expect(
      checkRequestAnswer(about, 'x'.repeat(limits.maxLongTextChars), 0, limits, true),
    ).toBeNull();
  });

  it('takes real dates only and choices among the options', () => {
    const when = field({ type: 'date' });
    expect(checkRequestAnswer(when, '2028-02-29', 0, limits, true)).toBeNull();
    expect(checkRequestAnswer(when, '2026-02-29', 0, limits, true)).toBe('requestForm.badDate');
    expect(checkRequestAnswer(when, '10/03/2026', 0, limits, true)).toBe('requestForm.badDate');
    const where = field({ type: 'choice', options: ['Instagram'] });
    expect(checkRequestAnswer(where, 'Instagram', 0, limits, true)).toBeNull();
    expect(checkRequestAnswer(where, 'TikTok', 0, limits, true)).toBe('requestForm.badChoice');
  });

  it('counts files for a required file field', () => {
    const logo = field({ type: 'file', required: true });
    expect(checkRequestAnswer(logo, undefined, 0, limits, true)).toBe('requestForm.fileRequired');
    expect(checkRequestAnswer(logo, undefined, 1, limits, true)).toBeNull();
  });

  it('reads trimmed text for text fields only, and titles a request by its title answer', () => {
    const fields = [
      field({ key: 'name' }),
      field({ key: 'title' }),
      field({ key: 'logo', type: 'file' }),
    ];
    const answers = typedAnswers(fields, {
      name: '  Ana ',
      title: ' Banner ',
      logo: 'x',
      other: 'y',
    });
    expect(answers).toEqual({ name: 'Ana', title: 'Banner' });
    expect(requestTitle(fields, answers)).toBe('Banner');
  });
});

describe('the form editor’s rows', () => {
  it('drops removed and blank rows, ticks required by row, moves a row, splits options by line', () => {
    const form = templateFormInput.parse({
      kind: 'project',
      basedOnVersion: '2',
      key: ['title', 'channel', 'old', ''],
      label: ['Título', 'Canal', 'Velho', ''],
      type: ['short_text', 'choice', 'date', 'short_text'],
      help: ['', '', '', ''],
      default: ['', '', '', ''],
      options: ['', 'Instagram\n\n E-mail ', '', ''],
      required: '0',
      remove: '2',
      move: '1:up',
    });
    expect(fieldsFromForm(form).postedRows).toEqual([1, 0]);
    expect(fieldsFromForm(form).fields).toEqual([
      {
        key: 'channel',
        label: 'Canal',
        type: 'choice',
        required: false,
        options: ['Instagram', 'E-mail'],
      },
      { key: 'title', label: 'Título', type: 'short_text', required: true },
    ]);
  });
});
