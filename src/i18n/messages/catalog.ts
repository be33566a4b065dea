import type { ptBR } from './pt-BR.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every catalog must have: the pt-BR keys, with any strings. */
export type Messages = Widen<typeof ptBR>;

type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message key, as a dotted path ("errors.notFound"). */
export type MessageKey = Paths<Messages>;
