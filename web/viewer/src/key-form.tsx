import { type FormEvent, useState } from 'react';
import { keepKey } from './key.js';

/** Asks for an API key when the page has none (or the one it had was refused). */
export function KeyForm({ reason, onKey }: { reason?: string; onKey: () => void }) {
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('key');
    if (typeof value === 'string' && keepKey(value)) onKey();
    else setInvalid(true);
  };
  return (
    <form className="pw-key-form" onSubmit={submit}>
      <h1>pipewright run viewer</h1>
      {reason && <p className="pw-notice">{reason}</p>}
      <label>
        API key (<code>executions:read</code> and <code>workflows:read</code>)
        <input name="key" type="password" autoComplete="off" placeholder="sk-…" required />
      </label>
      {invalid && <p className="pw-notice">That is not an API key: keys start with sk-.</p>}
      <button type="submit">Open</button>
      <p className="pw-hint">The key stays in this tab (session storage) and is sent only in the Authorization header.</p>
    </form>
  );
}
