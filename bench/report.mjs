// The bench's reports: results.json/md for a plain run, a side-by-side table for `--against`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const machineOf = (browserVersion) =>
  `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, Chromium ${browserVersion}`;

/** Writes results.json and results.md (`--only`: merged into the last results). */
export function writeResults({ rows, browserVersion, only, N }) {
  const machine = machineOf(browserVersion);
  const today = new Date().toISOString().slice(0, 10);
  for (const r of rows) r.date = today;
  // `--only`: the rows measured now replace theirs in the last results (each row keeps its date).
  const resultsUrl = new URL('./results.json', import.meta.url);
  const last = only && existsSync(resultsUrl) ? JSON.parse(readFileSync(resultsUrl, 'utf8')) : null;
  const all = last
    ? [
        ...last.rows.map(
          (r) => rows.find((x) => x.name === r.name) ?? { date: last.date.slice(0, 10), ...r },
        ),
        ...rows.filter((r) => !last.rows.some((x) => x.name === r.name)),
      ]
    : rows;
  const table = [
    '| row | what | median | p90 | min | max | reference | ratio | budget | ok |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...all.map(
      (r) =>
        `| ${r.name} | ${r.what} | ${fmt(r.median)} ${r.unit} | ${fmt(r.p90)} | ${fmt(r.min)} | ${fmt(r.max)} | ${r.reference !== undefined ? `${fmt(r.reference)} ${r.unit}` : ''} | ${r.ratio !== undefined ? r.ratio.toFixed(2) : ''} | ${r.budget} | ${r.ok ? '✅' : '❌'} |`,
    ),
  ].join('\n');
  const extras = all
    .filter((r) => r.initialGzipBytes !== undefined || r.longestTaskMs !== undefined)
    .map((r) =>
      r.initialGzipBytes !== undefined
        ? `- initial JS/CSS: ${(r.initialGzipBytes / 1024).toFixed(0)} KiB gzip in ${r.initialFiles.length} files (${r.initialFiles.join(', ')}); ${r.initialCompilers.length ? `compilers among them: ${r.initialCompilers.join(', ')}` : 'no compiler among them'}`
        : r.longestTaskMs > 0
          ? `- longest main-thread task during ${r.taskWhat ?? '100,000 lines'} (${r.name}): ${fmt(r.longestTaskMs)} ms`
          : `- no long main-thread task (≥ 50 ms, the Long Tasks API threshold) during ${r.taskWhat ?? '100,000 lines'} (${r.name})`,
    )
    .join('\n');
  const dates = [...new Set(all.map((r) => r.date))].sort();
  const when =
    dates.length > 1
      ? `${dates[0]} (full run); ${dates
          .slice(1)
          .map(
            (d) =>
              `${all
                .filter((r) => r.date === d)
                .map((r) => r.name)
                .join(', ')} measured again ${d} (\`--only\`)`,
          )
          .join('; ')}`
      : today;
  const md = `${table}\n\n${extras}\n\nMachine: ${machine}, ${when}`;
  console.log(`\n${md}`);
  if (!only || last) {
    writeFileSync(
      resultsUrl,
      JSON.stringify(
        { machine, date: last?.date ?? new Date().toISOString(), runs: N, rows: all },
        null,
        2,
      ) + '\n',
    );
    writeFileSync(new URL('./results.md', import.meta.url), `${md}\n`);
  }
}

/**
 * The side-by-side table: each row's median for this tree and for the ref, and the ratio
 * (this ÷ ref; below 1 = this tree is faster for times, slower for rates). Also written to
 * bench/against.md.
 */
export function writeAgainst({ rows, targets, browserVersion }) {
  const [head, ref] = targets;
  const names = [...new Set(rows.map((r) => r.name))];
  const cell = (r) => (r ? `${fmt(r.median)} ${r.unit} (p90 ${fmt(r.p90)}, n=${r.runs})` : 'n/a');
  const lines = [
    `| row | ${head.label} | ${ref.label} | ratio |`,
    '|---|---|---|---|',
    ...names.map((name) => {
      const a = rows.find((r) => r.name === name && r.target === head.key);
      const b = rows.find((r) => r.name === name && r.target === ref.key);
      const ratio = a && b && b.median ? (a.median / b.median).toFixed(2) : '';
      return `| ${name} | ${cell(a)} | ${cell(b)} | ${ratio} |`;
    }),
  ];
  const md = `${lines.join('\n')}\n\nMachine: ${machineOf(browserVersion)}, ${new Date().toISOString().slice(0, 10)}; ratio = ${head.label} ÷ ${ref.label}.\n`;
  console.log(`\n${md}`);
  writeFileSync(new URL('./against.md', import.meta.url), md);
}
