import type { Messages } from './catalog.ts';

/** Russian catalog (UI strings). */
export const ru = {
  app: {
    name: 'Ponte',
    tagline: 'Кабинет партнёра и справочник агентства',
  },
  common: {
    languages: { 'pt-BR': 'Português (Brasil)', en: 'English', ru: 'Русский' },
    skipToContent: 'Перейти к содержимому',
    signIn: 'Войти',
    signOut: 'Выйти',
    home: 'Главная',
    handbook: 'Справочник партнёра',
    language: 'Язык',
  },
  errors: {
    badRequest: 'Не удалось прочитать запрос. Обновите страницу и попробуйте снова.',
    validation: 'Проверьте выделенные поля.',
    notFound: 'Мы не нашли то, что вы искали.',
    forbiddenOrigin: 'В целях безопасности мы отклонили запрос, отправленный не со страниц Ponte.',
    methodNotAllowed: 'Это действие здесь недоступно.',
    payloadTooLarge: 'Отправленные данные слишком велики.',
    unsupportedMediaType: 'Такой формат данных не принимается.',
    rateLimited: 'Слишком много попыток. Попробуйте снова через {minutes} мин.',
    internal:
      'У нас что-то пошло не так. Если ошибка повторится, сообщите в поддержку код {requestId}.',
    serviceUnavailable: 'Сервис временно недоступен: {part}.',
  },
  fields: {
    required: 'Заполните это поле.',
    invalidEmail: 'Введите корректный адрес e-mail, например name@company.com.',
    tooShort: 'Минимум {min} символов.',
    tooLong: 'Максимум {max} символов.',
    invalidNumber: 'Введите число.',
    tooSmall: 'Минимальное значение — {min}.',
    tooBig: 'Максимальное значение — {max}.',
    invalidDate: 'Введите корректную дату.',
    invalidChoice: 'Выберите один из вариантов.',
    invalidFormat: 'Неверный формат.',
    invalidType: 'Недопустимое значение.',
  },
  health: {
    ok: 'Всё в порядке',
    parts: { database: 'база данных', files: 'хранилище файлов', outbox: 'очередь писем' },
  },
  mailViewer: {
    title: 'Письма (разработка)',
    explanation:
      'Без RESEND_API_KEY ничего не отправляется: письма остаются в очереди, и их можно прочитать здесь. В рабочей версии этой страницы нет.',
    empty: 'В очереди нет писем.',
    columns: {
      to: 'Кому',
      subject: 'Тема',
      status: 'Статус',
      attempts: 'Попытки',
      created: 'Создано',
      nextAttempt: 'Следующая попытка',
    },
    statuses: {
      pending: 'В очереди',
      sending: 'Отправляется',
      sent: 'Отправлено',
      dead: 'Не доставлено',
    },
    viewHtml: 'HTML-версия',
    viewText: 'Текстовая версия',
  },
  preferences: {
    languageTitle: 'Язык',
    languageHelp: 'Выберите язык страниц и сообщений Ponte.',
    save: 'Сохранить',
  },
  mail: {
    footer: 'Вы получили это письмо, потому что работаете с агентством через Ponte.',
    test: {
      subject: 'Тестовое письмо Ponte',
      body: 'Если вы читаете это, отправка писем Ponte работает.',
    },
  },
} as const satisfies Messages;
