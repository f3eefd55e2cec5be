import { useCallback, useState } from 'react';
import { type ApiError, ROOT } from './api.js';
import { ExecutionPage } from './execution-page.js';
import { HomePage } from './home-page.js';
import { forgetKey, storedKey } from './key.js';
import { KeyForm } from './key-form.js';
import { WorkflowPage } from './workflow-page.js';

/** Which page a path below /app/ shows; links are plain page loads, so the path is all the state there is. */
function route(path: string): { page: 'execution' | 'workflow'; id: string } | { page: 'home' } {
  const match = /\/app\/(executions|workflows)\/([^/]+)\/?$/.exec(path);
  if (match === null) return { page: 'home' };
  return { page: match[1] === 'executions' ? 'execution' : 'workflow', id: decodeURIComponent(match[2]!) };
}

export function App() {
  const [key, setKey] = useState(storedKey);
  const [problem, setProblem] = useState<string>();
  const onError = useCallback((error: ApiError) => {
    if (error.status !== 401) return setProblem(error.message);
    forgetKey();
    setKey(undefined);
    setProblem(`The key was refused (${error.code}): enter another.`);
  }, []);
  if (key === undefined) return <KeyForm {...(problem && { reason: problem })} onKey={() => (setProblem(undefined), setKey(storedKey()))} />;
  const at = route(location.pathname);
  return (
    <div className="pw-page">
      <nav className="pw-bar">
        <a href={`${ROOT}/app/`}>pipewright</a>
        <button type="button" onClick={() => (forgetKey(), setKey(undefined))}>
          Forget key
        </button>
      </nav>
      {problem && <p className="pw-notice">{problem}</p>}
      {at.page === 'execution' && <ExecutionPage id={at.id} keyValue={key} onError={onError} />}
      {at.page === 'workflow' && <WorkflowPage id={at.id} keyValue={key} onError={onError} />}
      {at.page === 'home' && <HomePage keyValue={key} onError={onError} />}
    </div>
  );
}
