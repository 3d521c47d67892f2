import type { Tree } from './support';

type Clang = typeof import('@yowasp/clang');

/** One clang run that compiles one unit (`-c … -o objName -MD -MF depName`). */
export interface UnitJob {
  args: string[];
  tree: Tree;
  objName: string;
  depName: string;
}

/** Its object (absent when it failed), its dependency file and clang's messages. */
export interface UnitResult {
  obj?: Uint8Array;
  dep?: string;
  log: string;
}

export class Collector {
  text = '';
  private dec = new TextDecoder();
  write = (bytes: Uint8Array | null) => {
    if (bytes) this.text += this.dec.decode(bytes, { stream: true });
  };
}

/** Runs clang; null when it exited with an error (its messages are in `log`). */
export async function runClang(
  clang: Clang,
  args: string[],
  files: Tree,
  log: Collector,
): Promise<Tree | null> {
  try {
    return (await clang.runClang(args, files, { stdout: log.write, stderr: log.write })) ?? null;
  } catch (e) {
    if (e instanceof clang.Exit) return null;
    throw e;
  }
}

export async function runUnitJob(clang: Clang, job: UnitJob): Promise<UnitResult> {
  const log = new Collector();
  const out = await runClang(clang, job.args, job.tree, log);
  const obj = out?.[job.objName];
  const dep = out?.[job.depName];
  return {
    ...(obj instanceof Uint8Array ? { obj } : {}),
    ...(typeof dep === 'string'
      ? { dep }
      : dep instanceof Uint8Array
        ? { dep: new TextDecoder().decode(dep) }
        : {}),
    log: log.text,
  };
}
