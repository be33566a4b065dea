import fc from 'fast-check';

// What the fuzzing of every endpoint sends: random and malformed bodies, huge fields, odd
// Unicode, hostile returnTo values.

// Every field name the forms and JSON bodies of Ponte use, so random bodies reach the checks.
export const FIELDS = [
  'name',
  'email',
  'locale',
  'taxId',
  'pixKey',
  'roles',
  'role',
  'userId',
  'contactIds',
  'clientId',
  'csUserId',
  'title',
  'kind',
  'dueOn',
  'projectId',
  'designerId',
  'text',
  'target',
  'body',
  'pinX',
  'pinY',
  'visibleToClient',
  'decision',
  'message',
  'number',
  'issueDate',
  'amount',
  'note',
  'file',
  'consent',
  'answers',
  'questionId',
  'stage',
  'summary',
  'assigneeRole',
  'assigneeId',
  'what',
  'why',
  'comment',
  'paidOn',
  'returnTo',
  'formId',
  'token',
  'action',
  'whatsapp',
  'segment',
  'serviceStartsOn',
  'serviceEndsOn',
  'chatWebhookUrl',
  'groupChatUrl',
  'rule',
  'sendToSameContacts',
  'version',
  'mayApprovePieces',
  'mayAnswerQuestionnaires',
  'companyRole',
  'story',
  'goals',
];

export const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uD800',
    '\u202Eevil',
    '😀👩‍👩‍👧',
    'Ω≈ç√∫',
    '"; drop table users; --',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    '%E0%A4%A',
    '\t',
    '\r\n',
    '/\t/evil.example',
    '2026-02-30',
    '-1',
    '1e309',
    'NaN',
    'on',
  ),
  fc.constant('x'.repeat(100_000)),
);
const anyValue = fc.oneof(
  oddText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(oddText, { maxLength: 4 }),
  fc.dictionary(fc.constantFrom(...FIELDS), oddText, { maxKeys: 3 }),
);
const fields = fc.dictionary(fc.constantFrom(...FIELDS), anyValue, { maxKeys: 8 });

const controlChars = fc
  .array(fc.integer({ min: 0, max: 0x1f }), { minLength: 1, maxLength: 3 })
  .map((codes) => String.fromCharCode(...codes));

/**
 * A `returnTo` with tabs, CR/LF and other control characters where a browser would drop them
 * (turning "/\t/evil.example" into "//evil.example") or a header cannot carry them.
 */
export const hostileReturnTo = fc.oneof(
  fc.constantFrom(
    '/\t/evil.example',
    '\t//evil.example',
    '/\r\n/evil.example',
    '/sign-in\r\nSet-Cookie: planted=1',
    '//evil.example',
    '/\\evil.example',
    'https://evil.example/',
  ),
  fc
    .tuple(
      fc.constantFrom('', '/', '/sign-in', '/clients/demo-client-clinic'),
      controlChars,
      fc.constantFrom('', '/evil.example', 'evil.example', '?x=1'),
    )
    .map(([before, control, after]) => `${before}${control}${after}`),
);

// The Location of a redirect: a path of ours, with nothing a browser would drop or reinterpret.
export const OUR_PATH = /^\/(?![/\\])[^\s\\]*$/;

/** A request body with its content type: well-formed or not. */
export const bodies: fc.Arbitrary<{ type: string | null; body: BodyInit | null }> = fc.oneof(
  fields.map((f) => ({ type: 'application/json', body: JSON.stringify(f) })),
  fc.jsonValue().map((v) => ({ type: 'application/json', body: JSON.stringify(v) })),
  fc.string({ maxLength: 60 }).map((s) => ({ type: 'application/json', body: `{${s}` })),
  fc.array(fc.tuple(fc.constantFrom(...FIELDS), oddText), { maxLength: 10 }).map((pairs) => ({
    type: 'application/x-www-form-urlencoded',
    // Repeated keys included: the same field twice.
    body: pairs
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.toWellFormed())}`)
      .join('&'),
  })),
  fc
    .string({ maxLength: 80 })
    .map((raw) => ({ type: 'application/x-www-form-urlencoded', body: raw })),
  fc.tuple(fields, fc.uint8Array({ maxLength: 2048 }), fc.boolean()).map(([f, bytes, withFile]) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(f))
      form.append(k, typeof v === 'string' ? v : JSON.stringify(v));
    if (withFile) form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], 'x.pdf'));
    return { type: null, body: form };
  }),
  fc.string({ maxLength: 200 }).map((rest) => ({
    // A multipart body cut short, or with a boundary that is not the declared one.
    type: 'multipart/form-data; boundary=----ponte',
    body: `------ponte\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-${rest}`,
  })),
  fc.constantFrom(
    { type: 'text/plain', body: 'hello' },
    { type: 'application/xml', body: '<a/>' },
    { type: null, body: null },
    { type: 'application/json; charset=utf-16', body: '{}' },
  ),
);
