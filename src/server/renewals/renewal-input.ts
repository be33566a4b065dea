import { z } from 'zod';
import { calendarDate } from '../forms/input-fields.ts';

/** A renewal as CS records it: the new end of the client's service (YYYY-MM-DD). */
export const renewalInput = z.object({ renewedUntil: calendarDate() });
