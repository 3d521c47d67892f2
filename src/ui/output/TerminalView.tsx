import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Terminal, type ITheme } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { useOutput } from '../../store/outputStore';
import { sendEof, sendInput, stopProgram, terminalSize } from '../../run/actions';
import { addRunListener } from '../../store/runEvents';
import { useStore } from '../../store/store';
import { useMediaQuery } from '../useMediaQuery';
import { LineEditor } from './lineEditor';
import './output.css';

/** Lines the terminal keeps; the list view keeps them all. */
export const SCROLLBACK = 10_000;

// The panel's colours (app.css), ANSI colours dark enough for AA contrast on white.
const LIGHT: ITheme = {
  background: '#ffffff',
  foreground: '#1c2230',
  cursor: '#1f2328',
  selectionBackground: '#b6d4fe',
  black: '#1f2328',
  red: '#b42318',
  green: '#1a7f37',
  yellow: '#7d5d00',
  blue: '#0b57d0',
  magenta: '#8250df',
  cyan: '#0f6e7a',
  white: '#57606a',
  brightBlack: '#57606a',
  brightRed: '#c4320a',
  brightGreen: '#1a7f37',
  brightYellow: '#7d5d00',
  brightBlue: '#0b57d0',
  brightMagenta: '#8250df',
  brightCyan: '#0f6e7a',
  brightWhite: '#1f2328',
};
const DARK: ITheme = {
  background: '#1b1e26',
  foreground: '#e4e7ef',
  cursor: '#e4e7ef',
  selectionBackground: '#264f78',
  black: '#9aa3b5',
  red: '#ff7b7b',
  green: '#4cc57a',
  yellow: '#f0c040',
  blue: '#6aa5ff',
  magenta: '#c8a2ff',
  cyan: '#56d4dd',
  white: '#e4e7ef',
  brightBlack: '#9aa3b5',
  brightRed: '#ff9492',
  brightGreen: '#6fdd8b',
  brightYellow: '#f8e3a1',
  brightBlue: '#a5d6ff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#a5f3fc',
  brightWhite: '#ffffff',
};

/**
 * xterm.js yields to the page between the pieces it is given (after ~12 ms of parsing), never
 * inside one: a 64 KiB batch of output is one long task, so it gets pieces of 2 KiB.
 */
const WRITE_SLICE = 2048;
function writeSliced(term: Terminal, text: string) {
  for (let i = 0; i < text.length; i += WRITE_SLICE) term.write(text.slice(i, i + WRITE_SLICE));
}

/** The output so far as terminal text: the last SCROLLBACK lines, input included. */
function transcript(): string {
  const { lines, open } = useOutput.getState();
  const from = Math.max(0, lines.length - SCROLLBACK);
  let text = '';
  for (let i = from; i < lines.length; i++) {
    text += lines[i].text;
    if (i < lines.length - 1 || !open) text += '\n';
  }
  return text;
}

/**
 * The Output panel's terminal (xterm.js): the program's output with colours, `\r` and cursor
 * movement, and its stdin typed through a line editor (echo, history, Ctrl+D, Ctrl+C). Copy
 * (Ctrl+C with a selection, Ctrl+Shift+C), paste (Ctrl+V) and search (Ctrl+F or the box).
 */
export default function TerminalView() {
  const host = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const searchRef = useRef<SearchAddon | null>(null);
  const findBox = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<{ index: number; count: number } | null>(null);
  const theme = useStore((s) => s.theme);
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const dark = theme === 'dark' || (theme === 'system' && systemDark);
  const waiting = useStore((s) => s.stdinWaiting);
  const fontSize = useStore((s) => s.outputFontSize);
  const fitRef = useRef<FitAddon | null>(null);
  const runId = useStore((s) => s.runId);

  useEffect(() => {
    const term = new Terminal({
      convertEol: true,
      scrollback: SCROLLBACK,
      fontFamily:
        getComputedStyle(document.documentElement).getPropertyValue('--mono') || 'monospace',
      fontSize: useStore.getState().outputFontSize,
      cursorBlink: false,
      allowProposedApi: true,
    });
    const fit = new FitAddon();
    const search = new SearchAddon();
    term.loadAddon(fit);
    term.loadAddon(search);
    term.open(host.current!);
    termRef.current = term;
    searchRef.current = search;
    fitRef.current = fit;
    const resize = () => {
      try {
        fit.fit();
      } catch {
        // Not laid out (hidden panel): the next resize fits it.
      }
      terminalSize.cols = term.cols;
      terminalSize.rows = term.rows;
    };
    resize();
    const ro = new ResizeObserver(resize);
    ro.observe(host.current!);
    writeSliced(term, transcript());

    const editor = new LineEditor();
    term.onData((data) => {
      const s = useStore.getState();
      if (!s.inputOpen) {
        // Nothing reads the terminal: keys are not echoed; Ctrl+C still stops a running program.
        if (data.includes('\x03') && s.status !== 'idle') {
          term.write('^C\r\n');
          stopProgram();
        }
        return;
      }
      for (const a of editor.input(data)) {
        if (a.type === 'echo') term.write(a.text);
        else if (a.type === 'send') sendInput(a.text, true);
        else if (a.type === 'eof') sendEof();
        else stopProgram();
      }
    });
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      // Ctrl+C copies when text is selected (else it interrupts); Ctrl+Shift+C always copies.
      if (mod && key === 'c' && (e.shiftKey || term.hasSelection())) {
        void navigator.clipboard?.writeText(term.getSelection()).catch(() => {});
        return false;
      }
      // Paste goes through the browser's paste event, which xterm turns into input.
      if (mod && key === 'v') return false;
      if (mod && key === 'f') {
        e.preventDefault();
        findBox.current?.focus();
        return false;
      }
      // Ctrl+Enter runs, Escape leaves: the app's shortcuts, not the program's keys.
      if (mod && e.key === 'Enter') return false;
      return true;
    });
    search.onDidChangeResults((r) =>
      setMatches(r.resultCount ? { index: r.resultIndex + 1, count: r.resultCount } : null),
    );

    const unlisten = addRunListener({
      output: (chunks) => {
        for (const c of chunks) if (c.stream !== 'stdin') writeSliced(term, c.text);
      },
      input: (text, echoed) => {
        if (!echoed) term.write(text);
      },
    });
    // Cleared output (a new run, Clear: a new array; appends keep the array) clears the
    // terminal and the line being typed.
    const unsub = useOutput.subscribe((s, prev) => {
      if (s.lines !== prev.lines) {
        term.reset();
        editor.clear();
      }
    });
    return () => {
      unlisten();
      unsub();
      ro.disconnect();
      term.dispose();
      termRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (termRef.current) termRef.current.options.theme = dark ? DARK : LIGHT;
  }, [dark]);

  useEffect(() => {
    const term = termRef.current;
    if (!term || term.options.fontSize === fontSize) return;
    term.options.fontSize = fontSize;
    try {
      fitRef.current?.fit();
    } catch {
      // not laid out
    }
  }, [fontSize]);

  // Waiting for input: the cursor blinks, and the first wait of a run takes the focus.
  const focusedRun = useRef(-1);
  useEffect(() => {
    const term = termRef.current;
    if (!term) return;
    term.options.cursorBlink = waiting;
    if (waiting && focusedRun.current !== runId) {
      focusedRun.current = runId;
      term.focus();
    }
  }, [waiting, runId]);

  const find = (back: boolean) => {
    const s = searchRef.current;
    if (!s || !query) return;
    const opts = {
      decorations: {
        matchOverviewRuler: '#d4a72c',
        activeMatchColorOverviewRuler: '#bf8700',
        matchBackground: '#fff8c5',
        activeMatchBackground: '#d4a72c',
      },
    };
    if (back) s.findPrevious(query, opts);
    else s.findNext(query, opts);
  };

  return (
    <div className="terminal-view">
      <div className="terminal-tools">
        <input
          ref={findBox}
          type="search"
          className="terminal-find"
          data-testid="terminal-find"
          aria-label="Find in terminal"
          placeholder="Find (Enter: next, Shift+Enter: previous)"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            if (!e.target.value) {
              searchRef.current?.clearDecorations();
              setMatches(null);
            }
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              find(e.shiftKey);
            } else if (e.key === 'Escape') {
              termRef.current?.focus();
            }
          }}
        />
        <span className="muted" data-testid="terminal-find-count">
          {query && (matches ? `${matches.index} of ${matches.count}` : 'no match')}
        </span>
      </div>
      <div
        className="terminal-host"
        ref={host}
        data-testid="terminal"
        aria-label="Terminal: the program's output; type here when it waits for input"
      />
    </div>
  );
}
