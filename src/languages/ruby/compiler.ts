import { interpretedCompiler } from '../../interpret/compilerEntry';

/** Nothing to compile: warming downloads ruby.wasm (after consent) into the caches. */
export const compiler = interpretedCompiler('ruby', () => import('./interpreter'));
