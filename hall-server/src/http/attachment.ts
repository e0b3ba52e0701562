/**
 * A Content-Disposition header that saves a file under its name: the name in UTF-8 as RFC 5987's
 * filename* (every current browser reads it, so a Chinese name arrives whole), and an ASCII
 * fallback as the plain filename for anything older.
 */
export function attachment(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
