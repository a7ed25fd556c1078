// How packs travel in the browser face, which may not name files on the computer: an upload to
// the server's /upload route (for verify and import), a download link to /download/<jobId> (for
// an export), and the report opened in a window of its own for the browser's print.
import type { ErrorCode } from '../../shared/errors';
import { ApiError, isDesktop, pageToken } from '../api';
import { toast } from '../ui/toasts';

export type PackSource = { path: string } | { upload: string };

/** The link that streams a finished export (the route the job's result names, plus the token; some routes carry a query already). */
export function downloadHref(downloadPath: string): string {
  return `${downloadPath}${downloadPath.includes('?') ? '&' : '?'}token=${encodeURIComponent(pageToken())}`;
}

function errorOf(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return new ApiError((body.error.code ?? 'INTERNAL') as ErrorCode, body.error.message);
  } catch {
    // Not JSON: fall through to the status.
  }
  return new ApiError('INTERNAL', `The upload failed (the server answered ${status}).`);
}

/**
 * Uploads a pack file; resolves with the upload's id. XMLHttpRequest rather than fetch because
 * it reports upload progress, which a pack of several gigabytes needs. `signal` aborts it.
 * A spreadsheet to import takes the same route, sent as application/octet-stream.
 */
/**
 * A file the backend made, delivered the way this face delivers files: saved by the desktop's
 * native dialog (the toast says where; no path: the dialog was cancelled), or downloaded by the
 * browser from its route.
 */
export function deliverFile(made: { path?: string | null; downloadPath?: string | null; fileName: string }, savedAs: (path: string) => string): void {
  if (isDesktop || !made.downloadPath) {
    if (made.path) toast(savedAs(made.path));
    return;
  }
  const link = document.createElement('a');
  link.href = downloadHref(made.downloadPath);
  link.download = made.fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

export function uploadPack(file: File, onProgress: (done: number, total: number) => void, signal?: AbortSignal, contentType = 'application/zip'): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/upload?token=${encodeURIComponent(pageToken())}`);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status !== 200) return reject(errorOf(xhr.status, xhr.responseText));
      try {
        const body = JSON.parse(xhr.responseText) as { ok: boolean; value?: { upload: string } };
        if (body.ok && body.value) return resolve(body.value.upload);
      } catch {
        // Reported below.
      }
      reject(new ApiError('INTERNAL', 'The server did not say where the upload went.'));
    };
    xhr.onerror = () => reject(new ApiError('INTERNAL', 'Cannot reach the workbook server. Is `npm run web` still running?'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/**
 * Opens a self-contained report page in a new window and calls the browser's print there once it
 * has loaded. A blob: URL has our origin (so we may call print on it) and inherits our CSP; the
 * report has no scripts and only inline CSS. Returns false when a popup blocker stopped it.
 */
export function printHtml(html: string): boolean {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const win = window.open(url, '_blank');
  if (!win) {
    URL.revokeObjectURL(url);
    return false;
  }
  const ready = () => {
    win.focus();
    win.print();
    URL.revokeObjectURL(url);
  };
  // A new window's document may already be loaded (cached blob) or not yet started.
  if (win.document.readyState === 'complete' && win.location.href === url) ready();
  else win.addEventListener('load', ready, { once: true });
  return true;
}

/** What a pack file is called for a suggested file name: lowercase words joined by dashes; an encrypted one ends in .zip.age. */
export function suggestedPackName(what: string, day: string, encrypted = false): string {
  const safe = what.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'pack';
  return `handover-pack-${safe}-${day}.zip${encrypted ? '.age' : ''}`;
}

// What this page holds on the server: an upload being previewed, a finished export waiting for
// its download. The screens let go of them as they finish; these are discarded when the page
// itself goes away (tab closed, reload), with keepalive requests that outlive the page.
const held = new Map<string, { upload: string } | { jobId: string }>();

/** Marks an upload or export job as held by this page; the function returned lets go of it. */
export function holdOnServer(input: { upload: string } | { jobId: string }): () => void {
  const key = JSON.stringify(input);
  held.set(key, input);
  return () => {
    held.delete(key);
  };
}

if (!isDesktop && typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => {
    for (const input of held.values()) {
      void fetch('/api/pack.discard', {
        method: 'POST',
        keepalive: true,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${pageToken()}` },
        body: JSON.stringify(input),
      }).catch(() => {});
    }
    held.clear();
  });
}
