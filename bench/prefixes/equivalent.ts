// Which byte prefixes of a JSON doc page are worth parsing: one per class of cuts that the reader provably treats
// alike, instead of every one (each parse of a prefix reads the whole prefix, so every prefix of a 170 kB page
// is ~15 G bytes read; the doc-json folder, 59 G).
//
// Why cuts in one class are alike. A strict prefix of a JSON page is never a complete JSON text unless it ends
// after the page's last `}` (then it is kept: that cut is outside a string). Such a prefix goes through
// detectFormat (a fatal UTF-8 decode, then format by the first characters, which every cut past the first few
// bytes shares) and then parseJsonTree, which scans left to right and throws at the first error. Before the cut
// the scan is the scan of the whole page; what happens at the end of the text depends only on the scanner's state
// there and on the tree built so far (the same for every cut inside one token). So:
// - cuts inside one string token after an ordinary character (no escape pending, no UTF-8 sequence open) are
//   alike: the scanner is in "inside this string, nothing pending" and meets the end (an unterminated string);
// - cuts inside one string with the same escape pending (`\`, `\u` plus 0–3 hex digits) are alike;
// - cuts inside one string in the middle of a UTF-8 sequence of the same length with the same number of its bytes
//   present are alike: the decode fails at that sequence, which the error names by its line;
// - cuts in one run of white space between two tokens are alike: the scanner skips white space.
// Only the line and column in the one-line error differ within a class. Of each class the first and the last cut
// are parsed; every other cut (every cut outside strings and white space runs: structure, numbers, literals,
// escapes' ends) is parsed as it is. `npm run prefixes -- --every-byte` parses every cut regardless.

/** The byte lengths of the prefixes to parse, ascending: a representative set of 1..bytes.length. */
export function jsonCuts(bytes: Uint8Array): number[] {
  const classes = classify(bytes);
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  for (let k = 1; k <= bytes.length; k++) {
    const c = classes[k];
    if (c === undefined) continue;
    if (!first.has(c)) first.set(c, k);
    last.set(c, k);
  }
  const cuts: number[] = [];
  for (let k = 1; k <= bytes.length; k++) {
    const c = classes[k];
    if (c === undefined || first.get(c) === k || last.get(c) === k) cuts.push(k);
  }
  return cuts;
}

const SIMPLE_ESCAPES = [0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]; // " \ / b f n r t
const HEX = /^[0-9a-fA-F]$/;

/** The class of each cut length k (the prefix bytes[0..k)), or undefined for a cut that is its own class. */
export function classify(bytes: Uint8Array): (string | undefined)[] {
  const classes: (string | undefined)[] = new Array<string | undefined>(bytes.length + 1);
  let inString = false;
  /** 0: none; -1: after `\`; 1–4: hex digits of `\u` still to come. */
  let escape = 0;
  /** Bytes still to come of the open UTF-8 sequence, and its length. */
  let pending = 0;
  let sequence = 0;
  /** Counts tokens: strings and white space runs are told apart by it. */
  let token = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const k = i + 1;
    if (!inString) {
      if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) classes[k] = `${token}:space`;
      else {
        token++;
        if (b === 0x22) inString = true;
      }
      continue;
    }
    if (pending > 0) {
      pending--;
      classes[k] = pending === 0 ? `${token}:plain` : `${token}:utf8-${sequence}-${sequence - pending}`;
    } else if (escape === -1) {
      // the character after `\`: `u` opens four hex digits; a simple escape ends here; anything else is an error
      escape = b === 0x75 ? 4 : 0;
      classes[k] = b === 0x75 ? `${token}:escape-u4` : SIMPLE_ESCAPES.includes(b) ? `${token}:plain` : undefined;
    } else if (escape > 0) {
      if (HEX.test(String.fromCharCode(b))) {
        escape--;
        classes[k] = escape === 0 ? `${token}:plain` : `${token}:escape-u${escape}`;
      } else {
        escape = 0;
        classes[k] = undefined;
      }
    } else if (b >= 0xc0) {
      sequence = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      pending = sequence - 1;
      classes[k] = `${token}:utf8-${sequence}-1`;
    } else if (b >= 0x80) {
      classes[k] = undefined; // a stray continuation byte: its own class
    } else if (b === 0x5c) {
      escape = -1;
      classes[k] = `${token}:escape-start`;
    } else if (b === 0x22) {
      inString = false;
      token++;
    } else if (b < 0x20) {
      classes[k] = undefined; // a control character: an error at it, its own class
    } else classes[k] = `${token}:plain`;
  }
  return classes;
}
