// The CLI's signing key: the workbook's key file (keyFileStore.ts), made on first use; the public
// key is recorded in the workbook, so this opens it for writing, briefly.
import { workbookSigner, type PackSigner } from '../core/pack/signingKey';
import { keyFileStore } from '../core/pack/keyFileStore';
import { openWorkbook } from '../core/store/open';

export async function cliSigner(workbookPath: string): Promise<PackSigner> {
  const db = openWorkbook(workbookPath);
  try {
    return await workbookSigner(db, workbookPath, keyFileStore);
  } finally {
    db.close();
  }
}
