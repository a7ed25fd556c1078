// How call payloads cross a JSON transport (the browser face's HTTP). No file travels in a call:
// attachments and packs have routes that stream (POST /attachments, /upload) and the desktop names
// files by path. Bytes put into a call by mistake are refused here, by name, instead of being
// turned into an object of numbered keys (several times their size) that the backend then rejects.
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) {
      throw new TypeError(`${key || '(input)'}: bytes never travel inside a call; upload the file or name its path`);
    }
    return v;
  });
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text);
}
