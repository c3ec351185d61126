/**
 * File bytes as a JavaScript string with one character per byte (Latin-1), the
 * form the tokenizer and the editor work on.
 *
 * Both engines are C programs that read bytes: a UTF-8 no-break space is the two
 * bytes C2 A0 to them, and the kernel's own isspace() treats a lone A0 byte as
 * space. Decoding files as UTF-8 first would turn invalid bytes into U+FFFD and
 * lose exactly the differences the model must see, so nothing is decoded.
 */
export type ByteText = string & { readonly __bytes: unique symbol };

export function bytesToText(bytes: Uint8Array): ByteText {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(
    'latin1',
  ) as ByteText;
}

/** The UTF-8 bytes of a JavaScript string, as a ByteText. */
export function utf8ToByteText(text: string): ByteText {
  return Buffer.from(text, 'utf8').toString('latin1') as ByteText;
}

/** Back from bytes to a JavaScript string, decoding UTF-8 (invalid bytes become U+FFFD). */
export function byteTextToUtf8(text: ByteText): string {
  return Buffer.from(text, 'latin1').toString('utf8');
}

/**
 * Byte order of two file names, as strcmp() sorts them in both engines (systemd's
 * conf_files_list and procps' qsort of names): "😀.conf" (F0 ...) sorts after
 * "ｚ.conf" (EF ...), although UTF-16 code units say the opposite.
 */
export function compareNameBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * A snapshot entry's name as the directory holds it, one character per byte: its raw
 * bytes, or its UTF-8 (an ASCII name is its own byte text). Compared with `<`, two
 * such names sort as strcmp() sorts their bytes.
 */
export function entryNameText(entry: { readonly name: string; readonly rawName?: string }): string {
  if (entry.rawName !== undefined) return entry.rawName;
  return /^[\0-\x7f]*$/.test(entry.name) ? entry.name : utf8ToByteText(entry.name);
}
