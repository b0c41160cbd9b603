import { z } from 'zod';
import { defineTransaction } from '../../client/transaction';

const baselineValueSchema = z.object({ key: z.string(), value: z.string() });
const keySchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'baseline keys are 1–64 letters, digits, dot, underscore or hyphen');

/** `baseline:Write(key, value)`: the benchmark's one-key write. */
export const baselineWrite = defineTransaction(
  'baseline',
  'Write',
  'submit',
  z.object({ key: keySchema, value: z.string().max(256) }),
  baselineValueSchema,
  (request) => [request.key, request.value],
);

/** `baseline:Read(key)`. */
export const baselineRead = defineTransaction('baseline', 'Read', 'evaluate', z.object({ key: keySchema }), baselineValueSchema, (request) => [
  request.key,
]);
