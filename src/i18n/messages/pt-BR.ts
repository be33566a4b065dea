/** The reference catalog: every UI string, in Brazilian Portuguese. en and ru mirror its keys. */
export const ptBR = {
  app: {
    name: 'Ponte',
    tagline: 'A área do parceiro e o manual da agência',
  },
  common: {
    languages: { 'pt-BR': 'Português (Brasil)', en: 'English', ru: 'Русский' },
    skipToContent: 'Pular para o conteúdo',
    signIn: 'Entrar',
    signOut: 'Sair',
    home: 'Início',
    handbook: 'Manual do parceiro',
    language: 'Idioma',
  },
  errors: {
    badRequest: 'Não conseguimos ler o pedido. Recarregue a página e tente de novo.',
    validation: 'Confira os campos destacados.',
    notFound: 'Não encontramos o que você procurou.',
    forbiddenOrigin: 'Por segurança, recusamos um pedido que não veio das páginas da Ponte.',
    methodNotAllowed: 'Esta ação não é permitida aqui.',
    payloadTooLarge: 'O envio é grande demais.',
    unsupportedMediaType: 'Formato de envio não aceito.',
    rateLimited: 'Muitas tentativas. Tente de novo em {minutes} minutos.',
    internal:
      'Algo deu errado do nosso lado. Se continuar, informe o código {requestId} ao suporte.',
    serviceUnavailable: 'Serviço indisponível no momento: {part}.',
  },
  fields: {
    required: 'Preencha este campo.',
    invalidEmail: 'Informe um e-mail válido, como nome@empresa.com.br.',
    tooShort: 'Use pelo menos {min} caracteres.',
    tooLong: 'Use no máximo {max} caracteres.',
    invalidNumber: 'Informe um número.',
    tooSmall: 'O valor mínimo é {min}.',
    tooBig: 'O valor máximo é {max}.',
    invalidDate: 'Informe uma data válida.',
    invalidChoice: 'Escolha uma das opções.',
    invalidFormat: 'O formato não é válido.',
    invalidType: 'O valor não é válido.',
  },
  health: {
    ok: 'Tudo certo',
    parts: {
      database: 'banco de dados',
      files: 'armazenamento de arquivos',
      outbox: 'fila de e-mails',
    },
  },
  mailViewer: {
    title: 'E-mails (desenvolvimento)',
    explanation:
      'Sem RESEND_API_KEY nada é enviado: as mensagens ficam na fila e podem ser lidas aqui. Esta página não existe em produção.',
    empty: 'Nenhuma mensagem na fila.',
    columns: {
      to: 'Para',
      subject: 'Assunto',
      status: 'Situação',
      attempts: 'Tentativas',
      created: 'Criada em',
      nextAttempt: 'Próxima tentativa',
    },
    statuses: { pending: 'Na fila', sending: 'Enviando', sent: 'Enviada', dead: 'Desistimos' },
    viewHtml: 'Versão HTML',
    viewText: 'Versão em texto',
  },
  preferences: {
    languageTitle: 'Idioma',
    languageHelp: 'Escolha o idioma das páginas e das mensagens da Ponte.',
    save: 'Salvar',
  },
  mail: {
    footer: 'Você recebeu esta mensagem porque trabalha com a agência pela Ponte.',
    test: {
      subject: 'Mensagem de teste da Ponte',
      body: 'Se você está lendo isto, o envio de e-mails da Ponte está funcionando.',
    },
  },
} as const;
