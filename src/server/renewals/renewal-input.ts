import { z } from 'zod';

/** A renewal as CS records it: the new end of the client's service (YYYY-MM-DD). */
export const renewalInput = z.object({ renewedUntil: z.iso.date() });
