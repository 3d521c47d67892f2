import type { CompileRequest } from '../../protocol/compile';
import { compileClang } from '../c/compile';

/** C++ uses the C folder's clang driver with clang++ and the exception support object. */
export const compileCpp = (req: CompileRequest) => compileClang(req, 'cpp');
