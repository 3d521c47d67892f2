import { Component, type ErrorInfo, type ReactNode } from 'react';
import { flushAutosave } from '../store/persistence';
import { clearCrash, useCrashProbe } from './testHooks';
import './PanelBoundary.css';

interface Props {
  /** Shown in the message and used as `data-panel`, e.g. "Output". */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  componentStack: string;
  /** Bumped by "Reload panel": a new key mounts the panel from scratch. */
  generation: number;
  copied: boolean;
}

function CrashProbe({ name }: { name: string }) {
  useCrashProbe(name);
  return null;
}

/**
 * Keeps an exception inside the panel that threw it: the panel shows what happened with
 * "Reload panel" and "Copy details"; the rest of the page keeps working. The user's work is saved
 * first, before anything else runs.
 */
export class PanelBoundary extends Component<Props, State> {
  state: State = { error: null, componentStack: '', generation: 0, copied: false };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)), copied: false };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    flushAutosave();
    this.setState({ componentStack: info.componentStack ?? '' });
    console.error(`The ${this.props.name} panel crashed:`, error);
  }

  private reload = () => {
    clearCrash(this.props.name);
    this.setState((s) => ({ error: null, componentStack: '', generation: s.generation + 1 }));
  };

  private details(): string {
    const { error, componentStack } = this.state;
    return [
      `Panel: ${this.props.name}`,
      `Error: ${error?.message}`,
      `Page: ${location.href.split('#')[0]}`,
      `Browser: ${navigator.userAgent}`,
      '',
      error?.stack ?? '',
      componentStack ? `\nComponent stack:${componentStack}` : '',
    ].join('\n');
  }

  private copy = async () => {
    try {
      await navigator.clipboard.writeText(this.details());
      this.setState({ copied: true });
    } catch {
      // No clipboard permission: the details are selectable in the panel instead.
      this.setState({ copied: false });
    }
  };

  render() {
    const { error, generation, copied } = this.state;
    if (!error) {
      return (
        <PanelFragment key={generation}>
          <CrashProbe name={this.props.name} />
          {this.props.children}
        </PanelFragment>
      );
    }
    return (
      <section
        className="panel panel-error"
        role="alert"
        data-testid="panel-error"
        data-panel={this.props.name}
      >
        <h2>The {this.props.name} panel hit an error</h2>
        <p>
          Your code is saved and the rest of the playground keeps working. Reload the panel to try
          again; if it keeps happening, copy the details into a bug report.
        </p>
        <pre className="panel-error-message">{error.message}</pre>
        <div className="panel-error-actions">
          <button type="button" data-testid="panel-reload" onClick={this.reload}>
            Reload panel
          </button>
          <button type="button" data-testid="panel-copy-details" onClick={() => void this.copy()}>
            {copied ? 'Copied' : 'Copy details'}
          </button>
        </div>
      </section>
    );
  }
}

/** A keyed fragment, so "Reload panel" remounts everything below it. */
function PanelFragment({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
