import { readBaseline } from './baseline/readBaseline';
import { writeBaseline } from './baseline/writeBaseline';

/** Every typed action; `createClient` attaches each as a method with the client bound. */
export const actions = {
  writeBaseline,
  readBaseline,
};
