import { z } from 'zod';

/**
 * The switch's form: its button posts the state it turns the project to ('true' shows it to
 * the client, 'false' hides it), so a second click of the same button changes nothing.
 */
export const projectVisibilityInput = z.object({
  visible: z.enum(['true', 'false']).transform((value) => value === 'true'),
});
