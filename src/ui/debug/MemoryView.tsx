import { useState } from 'react';
import { MEMORY_BYTES, MEMORY_COLUMNS, useDebug } from '../../debug/state';

const session = () => import('../../debug/session');

const hex2 = (b: number) => b.toString(16).padStart(2, '0');

/** The paused program's linear memory as hex + ASCII, 8 bytes a row, the marked bytes shaded. */
export function MemoryView() {
  const memory = useDebug((s) => s.memory);
  const paused = useDebug((s) => s.status === 'paused');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { address, bytes, mark } = memory;
  const marked = (a: number) => mark !== null && a >= mark.address && a < mark.address + mark.size;
  const rows: number[] = [];
  if (bytes) for (let r = 0; r < bytes.length; r += MEMORY_COLUMNS) rows.push(r);
  return (
    <section className="debug-section" aria-label="Memory">
      <h3>Memory</h3>
      <form
        className="debug-memory-go"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(text.trim());
          if (!Number.isInteger(n) || n < 0) {
            setError('an address is a number: 1024 or 0x400');
            return;
          }
          setError(null);
          void session().then((d) => d.showMemory(n));
        }}
      >
        <input
          aria-label="Memory address"
          placeholder="address, e.g. 0x10000"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="debug-memory-address"
        />
        <button type="submit">Go</button>
        <button
          type="button"
          aria-label="Previous 128 bytes"
          onClick={() =>
            void session().then((d) => d.showMemory(Math.max(0, address - MEMORY_BYTES), mark))
          }
        >
          ↑
        </button>
        <button
          type="button"
          aria-label="Next 128 bytes"
          onClick={() => void session().then((d) => d.showMemory(address + MEMORY_BYTES, mark))}
        >
          ↓
        </button>
      </form>
      {error && <p className="debug-error">{error}</p>}
      <div className="debug-scroll">
        <pre className="debug-memory" data-testid="debug-memory" data-address={address}>
          {!paused
            ? 'Memory shows while the program is paused.'
            : !bytes || bytes.length === 0
              ? `0x${address.toString(16)} is past the end of memory.`
              : rows.map((r) => {
                  const row = Array.from(bytes.subarray(r, r + MEMORY_COLUMNS));
                  return (
                    <div key={r}>
                      <span className="addr">{(address + r).toString(16).padStart(8, '0')}</span>{' '}
                      {row.map((b, i) => (
                        <span key={i} className={marked(address + r + i) ? 'mark' : undefined}>
                          {hex2(b)}{' '}
                        </span>
                      ))}
                      <span className="ascii">
                        {row
                          .map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.'))
                          .join('')}
                      </span>
                    </div>
                  );
                })}
        </pre>
      </div>
    </section>
  );
}
