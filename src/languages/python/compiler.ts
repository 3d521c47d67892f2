import { interpretedCompiler } from '../../interpret/compilerEntry';

/** Nothing to compile: warming loads the interpreter's module in the compiler worker's cache. */
export const compiler = interpretedCompiler('python', () => import('./interpreter'));
