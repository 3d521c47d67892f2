// `--against <ref>`: that commit built in a worktree of its own (outside the repository), kept
// between runs, so a second comparison against the same ref starts at once.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const sh = (cmd, cwd = root, env = process.env) =>
  execSync(cmd, { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] })
    .toString()
    .trim();

/**
 * Checks out `ref` in a temporary worktree, installs its dependencies (a link to ours when its
 * lock file is ours) and builds it for production. Returns where its dist/ is and what it is.
 */
export function prepareRef(ref, { rebuild = false } = {}) {
  const sha = sh(`git rev-parse --verify ${JSON.stringify(`${ref}^{commit}`)}`);
  const label = `${ref} (${sha.slice(0, 7)})`;
  const dir = join(tmpdir(), 'wasm-playground-bench', sha.slice(0, 12));
  if (!existsSync(join(dir, 'package.json'))) {
    sh('git worktree prune');
    console.log(`--against: checking out ${label} in ${dir}`);
    sh(`git worktree add --detach ${JSON.stringify(dir)} ${sha}`);
  }
  if (!existsSync(join(dir, 'node_modules'))) {
    const same =
      readFileSync(join(dir, 'package-lock.json'), 'utf8') ===
      readFileSync(join(root, 'package-lock.json'), 'utf8');
    if (same) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    else {
      console.log(`--against: npm ci for ${label} (its lock file differs from ours)…`);
      execSync('npm ci --no-audit --no-fund', { cwd: dir, stdio: 'inherit' });
    }
  }
  if (rebuild || !existsSync(join(dir, 'dist', 'index.html'))) {
    console.log(`--against: building ${label}…`);
    execSync('npx vite build', {
      cwd: dir,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  return { label, dir, sha };
}
