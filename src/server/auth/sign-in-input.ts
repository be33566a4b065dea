import { z } from 'zod';
import { signInInput } from '../partners/person-input.ts';

/**
 * "Send me a sign-in link": the e-mail, and the page the person was opening when sent to sign
 * in. requestSignInLink keeps `next` only when it is a safe path of ours, so an odd value is
 * dropped (they land on the home) rather than refusing the sign-in.
 */
export const signInRequestInput = signInInput.extend({ next: z.unknown().optional() });
