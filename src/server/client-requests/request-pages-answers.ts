import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { requestFiles, requestMessages } from '../../../db/schema/index.ts';
import type { TemplateField } from './template-schema.ts';

/** One answer of a request as its pages show it: the form's label and what was written or sent. */
export type AnswerRow = {
  key: string;
  label: string;
  type: TemplateField['type'];
  value: string | null;
  files: { id: string; fileName: string; size: number }[];
};

/**
 * The answers of a request under the labels of the form version it was written against, in
 * the form's order; a file field lists its files. Unreadable JSON reads as no answer.
 */
export function answerRowsOf(
  fieldsJson: string,
  answersJson: string,
  files: readonly { id: string; fieldKey: string; fileName: string; size: number }[],
): AnswerRow[] {
  const fields = parsed<TemplateField[]>(fieldsJson, []);
  const answers = parsed<Record<string, unknown>>(answersJson, {});
  return fields.map((field) => {
    const value = answers[field.key];
    return {
      key: field.key,
      label: field.label,
      type: field.type,
      value: typeof value === 'string' && value.trim() !== '' ? value : null,
      files: files
        .filter((file) => file.fieldKey === field.key)
        .map(({ id, fileName, size }) => ({ id, fileName, size })),
    };
  });
}

function parsed<T>(json: string, fallback: T): T {
  try {
    return (JSON.parse(json) as T) ?? fallback;
  } catch {
    return fallback;
  }
}

/** What a page or a form shows of a request's file (the bytes stay in the store). */
export const REQUEST_FILE_COLUMNS = {
  id: requestFiles.id,
  fieldKey: requestFiles.fieldKey,
  fileName: requestFiles.fileName,
  size: requestFiles.size,
};

/** A request's files, oldest first: a read for a page's batch. */
export function readRequestFiles(db: Database, requestId: string) {
  return db
    .select(REQUEST_FILE_COLUMNS)
    .from(requestFiles)
    .where(eq(requestFiles.requestId, requestId))
    .orderBy(asc(requestFiles.createdAt), asc(requestFiles.id));
}

/** A request's conversation in the order it was written, each message marked as the agency's or the contact's. */
export function readRequestMessages(db: Database, requestId: string) {
  return db
    .select({
      id: requestMessages.id,
      authorName: requestMessages.authorName,
      fromAgency: sql<boolean>`${requestMessages.authorUserId} is not null`.mapWith(Boolean),
      body: requestMessages.body,
      createdAt: requestMessages.createdAt,
    })
    .from(requestMessages)
    .where(eq(requestMessages.requestId, requestId))
    .orderBy(asc(requestMessages.createdAt), asc(requestMessages.id));
}
