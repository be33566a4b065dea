import { z } from 'zod';
import { CHANGE_KINDS } from '../../../db/schema/index.ts';
import { PIPELINE_STAGES } from './deadline-rules.ts';

/** A stage of the new-client pipeline CS records as reached. */
export const stageInput = z.object({ stage: z.enum(PIPELINE_STAGES) });

/** A change the client asked for outside an approval link, as CS records it. */
export const changeInput = z.object({
  kind: z.enum(CHANGE_KINDS),
  summary: z.string().trim().min(1).max(2000),
});
