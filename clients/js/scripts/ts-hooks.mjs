// Node.js module hooks that let @polkadot/typegen import src/interfaces/**/definitions.ts and the
// generated lookup.ts (plain JavaScript in .ts files) on Node.js without a TypeScript loader:
// `.ts` files load as ES modules, and `./x.js` falls back to `./x.ts`.
//   node --import ./scripts/ts-hooks.mjs node_modules/.bin/polkadot-types-from-defs …
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (specifier.startsWith('.') && specifier.endsWith('.js')) return next(`${specifier.slice(0, -3)}.ts`, context);
    throw error;
  }
}

export async function load(url, context, next) {
  return next(url, url.endsWith('.ts') ? { ...context, format: 'module' } : context);
}
