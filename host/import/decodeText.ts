// Bytes → text for plain-text and caption imports: UTF-8 (with or without a
// byte-order mark), UTF-16 with a byte-order mark (Windows Notepad's
// "Unicode"), else Windows-1252 / Latin-1 when the bytes clearly are that, else
// a refusal — never mojibake.

export class ImportError extends Error {}

/** Bytes that Windows-1252 leaves undefined, and control characters no text file holds. */
function clearlyWindows1252(bytes: Uint8Array): boolean {
  let high = 0;
  for (const b of bytes) {
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
    if (b >= 0x80) high++;
  }
  // Text in a Latin script: accented letters are a small share of it.
  return high * 4 < bytes.length;
}

/**
 * Windows-1252's 0x80–0x9F (curly quotes, dashes, €…); the other bytes are Latin-1.
 * Node's TextDecoder('windows-1252') decodes these as C1 controls, as Latin-1 would.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/** The text of a file, or an ImportError with a sentence naming it. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new ImportError(`${name} is a zip file (perhaps a Word document), not plain text: give it its real extension, such as .docx.`);
  }
  if (bytes.includes(0)) throw new ImportError(`${name} is a binary file, not text, so it cannot be imported as a transcript.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (clearlyWindows1252(bytes)) return decodeWindows1252(bytes);
    throw new ImportError(`${name} is not UTF-8 text and not clearly Latin-1 or Windows-1252 either: save it as UTF-8 and import it again.`);
  }
}
