import type { Fatal } from './store';

/** A full page for errors no screen can work around: a wrong token, a server that is gone. */
export function FatalError({ fatal }: { fatal: Fatal }) {
  return (
    <main className="fatal" role="alert">
      <h1>{fatal.kind === 'auth' ? 'Access denied' : 'The workbook cannot be reached'}</h1>
      {fatal.kind === 'auth' ? (
        <p>
          This page&apos;s access token is missing or wrong: open the URL printed by <code>npm run web</code>.
        </p>
      ) : (
        <>
          <p>{fatal.message}</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Try again
          </button>
        </>
      )}
    </main>
  );
}
