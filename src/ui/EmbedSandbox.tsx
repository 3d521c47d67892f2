/** Which sandbox flags the snippet's iframe gets (allow-scripts always: the playground is code). */
export interface SandboxChoice {
  sameOrigin: boolean;
  popups: boolean;
}

export const defaultSandbox: SandboxChoice = { sameOrigin: false, popups: true };

/** The iframe's `sandbox` attribute for the choice. */
export function sandboxAttribute(c: SandboxChoice): string {
  return [
    'allow-scripts',
    ...(c.sameOrigin ? ['allow-same-origin'] : []),
    ...(c.popups ? ['allow-popups', 'allow-popups-to-escape-sandbox'] : []),
  ].join(' ');
}

/** The sandbox flags with what each one grants, as checkboxes. */
export function EmbedSandbox({
  value,
  onChange,
}: {
  value: SandboxChoice;
  onChange: (c: SandboxChoice) => void;
}) {
  return (
    <fieldset className="embed-sandbox">
      <legend>
        iframe <code>sandbox</code>
      </legend>
      <label>
        <input type="checkbox" checked disabled />
        <span>
          <code>allow-scripts</code>: the playground runs (always on; everything compiles and runs
          in the frame)
        </span>
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="embed-sandbox-same-origin"
          checked={value.sameOrigin}
          onChange={(e) => onChange({ ...value, sameOrigin: e.target.checked })}
        />
        <span>
          <code>allow-same-origin</code>: the frame keeps the playground&apos;s origin, so it may
          use its storage (compiled C support objects are kept) and the HTTP handler&apos;s live
          preview. Off, the frame has an opaque origin: it cannot touch your site&apos;s or its own
          storage.
        </span>
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="embed-sandbox-popups"
          checked={value.popups}
          onChange={(e) => onChange({ ...value, popups: e.target.checked })}
        />
        <span>
          <code>allow-popups allow-popups-to-escape-sandbox</code>: “Open in playground ↗” opens a
          normal tab (without the sandbox)
        </span>
      </label>
    </fieldset>
  );
}
