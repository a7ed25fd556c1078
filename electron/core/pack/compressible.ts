// Whether a file is worth deflating. Already-compressed formats (archives, images, audio, video,
// office files) are stored as they are: deflating them costs CPU and gains nothing. Known
// extensions, media types and magic numbers decide first; anything else is decided by how well
// a sample of its start deflates at level 1 (see zip-write.ts).

const COMPRESSED_EXTENSIONS = new Set([
  'zip', 'gz', 'tgz', 'bz2', 'tbz2', 'xz', 'txz', 'zst', 'lz4', 'lzma', '7z', 'rar', 'cab', 'br', 'jar', 'war', 'apk', 'ipa', 'nupkg', 'whl',
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'heif', 'avif', 'jp2', 'jxl',
  'mp3', 'm4a', 'aac', 'ogg', 'oga', 'opus', 'flac', 'wma',
  'mp4', 'm4v', 'mov', 'avi', 'mkv', 'webm', 'wmv', 'mpg', 'mpeg',
  'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'epub', 'vsdx', 'woff', 'woff2',
]);

const COMPRESSED_TYPES = /^(image\/(jpeg|png|gif|webp|heic|heif|avif)|audio\/(mpeg|mp4|aac|ogg|opus|flac)|video\/|application\/(zip|gzip|x-gzip|x-bzip2|x-xz|zstd|x-7z-compressed|vnd\.rar|x-rar-compressed|java-archive|epub\+zip|vnd\.openxmlformats-officedocument\.|vnd\.oasis\.opendocument\.)|font\/woff2?)/i;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Magic numbers of compressed formats, looked up in the first bytes of the file. */
export function hasCompressedMagic(head: Uint8Array): boolean {
  return startsWith(head, [0x50, 0x4b, 0x03, 0x04]) // zip, docx, xlsx, jar…
    || startsWith(head, [0x1f, 0x8b]) // gzip
    || startsWith(head, [0xff, 0xd8, 0xff]) // jpeg
    || startsWith(head, [0x89, 0x50, 0x4e, 0x47]) // png
    || startsWith(head, ascii('GIF8'))
    || (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8))
    || startsWith(head, ascii('BZh'))
    || startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) // xz
    || startsWith(head, [0x28, 0xb5, 0x2f, 0xfd]) // zstd
    || startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) // 7z
    || startsWith(head, ascii('Rar!'))
    || startsWith(head, ascii('ftyp'), 4) // mp4, mov, heic, avif
    || startsWith(head, ascii('OggS'))
    || startsWith(head, ascii('fLaC'))
    || startsWith(head, ascii('ID3'))
    || startsWith(head, ascii('wOFF'))
    || startsWith(head, ascii('wOF2'))
    || startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]); // matroska, webm
}

/** True when the name or media type says the content is already compressed. */
export function knownCompressed(fileName: string | undefined, mediaType: string | undefined): boolean {
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return (ext !== undefined && COMPRESSED_EXTENSIONS.has(ext)) || (mediaType !== undefined && COMPRESSED_TYPES.test(mediaType));
}

/** Deflated output above this share of the input is not worth it: the entry is stored. */
export const STORE_ABOVE_RATIO = 0.98;

/** How much of a file's start a quick level-1 deflate looks at, and the share above which it is stored. */
export const SAMPLE_BYTES = 64 * 1024;
export const SAMPLE_STORE_ABOVE = 0.95;
