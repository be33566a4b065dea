import type { Messages } from './catalog.ts';

/** English catalog (second language of the UI and the handbook). */
export const en = {
  app: {
    name: 'Ponte',
    tagline: "The agency's partner area and handbook",
  },
  common: {
    languages: { 'pt-BR': 'Português (Brasil)', en: 'English', ru: 'Русский' },
    skipToContent: 'Skip to content',
    signIn: 'Sign in',
    signOut: 'Sign out',
    home: 'Home',
    handbook: 'Partner handbook',
    language: 'Language',
  },
  errors: {
    badRequest: 'We could not read the request. Reload the page and try again.',
    validation: 'Please check the highlighted fields.',
    notFound: 'We could not find what you were looking for.',
    forbiddenOrigin:
      'For your safety, we refused a request that did not come from Ponte’s own pages.',
    methodNotAllowed: 'This action is not allowed here.',
    payloadTooLarge: 'What you sent is too large.',
    unsupportedMediaType: 'This kind of content is not accepted.',
    rateLimited: 'Too many attempts. Please try again in {minutes} minutes.',
    internal:
      'Something went wrong on our side. If it keeps happening, give support the code {requestId}.',
    serviceUnavailable: 'Service unavailable right now: {part}.',
  },
  fields: {
    required: 'This field is required.',
    invalidEmail: 'Enter a valid e-mail address, like name@company.com.',
    tooShort: 'Use at least {min} characters.',
    tooLong: 'Use at most {max} characters.',
    invalidNumber: 'Enter a number.',
    tooSmall: 'The minimum is {min}.',
    tooBig: 'The maximum is {max}.',
    invalidDate: 'Enter a valid date.',
    invalidChoice: 'Choose one of the options.',
    invalidFormat: 'The format is not valid.',
    invalidType: 'The value is not valid.',
  },
  health: {
    ok: 'All good',
    parts: { database: 'database', files: 'file storage', outbox: 'e-mail queue' },
  },
  mailViewer: {
    title: 'E-mails (development)',
    explanation:
      'Without RESEND_API_KEY nothing is sent: messages stay queued and can be read here. This page does not exist in production.',
    empty: 'No messages in the queue.',
    columns: {
      to: 'To',
      subject: 'Subject',
      status: 'Status',
      attempts: 'Attempts',
      created: 'Created',
      nextAttempt: 'Next attempt',
    },
    statuses: { pending: 'Queued', sending: 'Sending', sent: 'Sent', dead: 'Gave up' },
    viewHtml: 'HTML version',
    viewText: 'Text version',
  },
  preferences: {
    languageTitle: 'Language',
    languageHelp: 'Choose the language of Ponte’s pages and messages.',
    save: 'Save',
  },
  mail: {
    footer: 'You are receiving this because you work with the agency through Ponte.',
    test: {
      subject: 'Ponte test message',
      body: 'If you can read this, Ponte’s e-mail delivery works.',
    },
  },
} as const satisfies Messages;
