import { useState } from 'react';
import { currentProject } from '../../store/projectSlice';
import { useStore } from '../../store/store';
import { badRoute, DEFAULT_ROUTE } from '../../server/wagi';

/** The handler's trigger route, as in spin.toml; checked as it is typed, saved when valid. */
export function RouteField() {
  const saved = useStore((s) => currentProject(s).route ?? DEFAULT_ROUTE);
  const [text, setText] = useState(saved);
  const [shown, setShown] = useState(saved);
  // Another project (or an undo) changed the saved route: show it.
  if (saved !== shown) {
    setShown(saved);
    setText(saved);
  }
  const error = badRoute(text);
  return (
    <label className="inline">
      <span>Route</span>
      <input
        data-testid="handler-route"
        value={text}
        spellCheck={false}
        aria-invalid={!!error}
        aria-describedby={error ? 'route-error' : undefined}
        title="The trigger route in spin.toml: /... answers every path; /api/... a prefix; /hello one path"
        onChange={(e) => {
          setText(e.target.value);
          if (!badRoute(e.target.value))
            useStore.getState().setServerConfig({ route: e.target.value });
        }}
      />
      {error && (
        <span id="route-error" className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
