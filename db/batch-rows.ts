/**
 * What a tuple of reads gives once run in a batch: each query's rows, in order. A function that
 * returns its reads `as const` lets a page add them to its own batch and hand the rows back.
 */
export type RowsOf<Reads> = { [K in keyof Reads]: Awaited<Reads[K]> };
