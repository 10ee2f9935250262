/* Everything in tests/lib in one import: import { Client, signup, ... } from '../lib/index.mjs'. */
export * from './env.mjs';
export * from './http.mjs';
export * from './db.mjs';
export * from './procs.mjs';
export * from './mail.mjs';
export * from './accounts.mjs';
export * from './vnu.mjs';
export * from './files.mjs';
export * from './stack.mjs';
export * from './portal.mjs';
