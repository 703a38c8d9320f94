// A linear check that XML is well nested, before a DOM parser sees it: @xmldom/xmldom (used by mammoth) takes time
// quadratic in the number of unclosed tags (a 1 MB document.xml of them: 100 s). Word always writes well-formed XML,
// so a part that is not is refused as corrupt, in one pass.

/** Elements nested deeper than this are not a Word document (real ones nest a few dozen deep). */
export const MAX_XML_DEPTH = 1_000;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

const isNameChar = (c: number): boolean =>
  (c >= 0x30 && c <= 0x3a) || // 0-9 :
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  c === 0x5f || // _
  c === 0x2d || // -
  c === 0x2e || // .
  c > 0x7f;

/** Null when every tag is closed in order and nesting stays under MAX_XML_DEPTH; else what is wrong. */
export function xmlNestingProblem(xml: string): string | null {
  const stack: string[] = [];
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return 'unterminated comment';
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) return 'unterminated CDATA';
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) return 'unterminated declaration';
      i = end + 1;
      continue;
    }
    const closing = xml.charCodeAt(lt + 1) === 0x2f;
    let j = lt + (closing ? 2 : 1);
    const nameStart = j;
    while (j < n && isNameChar(xml.charCodeAt(j))) j++;
    if (j === nameStart) return `bad tag at ${lt}`;
    const name = xml.slice(nameStart, j);
    // The rest of the tag: attributes `name="value"` (quoted values may hold '>'), then '/'? and '>'. XML allows
    // nothing else; xmldom's recovery from a malformed attribute is slow, so it is refused here.
    if (!closing) {
      for (;;) {
        const ws = j;
        while (j < n && isSpace(xml.charCodeAt(j))) j++;
        const c = xml.charCodeAt(j);
        if (j >= n || c === 0x3e || c === 0x2f) break;
        if (j === ws) return `bad attribute in ${name}`;
        const attrStart = j;
        while (j < n && isNameChar(xml.charCodeAt(j))) j++;
        if (j === attrStart) return `bad attribute in ${name}`;
        while (j < n && isSpace(xml.charCodeAt(j))) j++;
        if (xml.charCodeAt(j) !== 0x3d) return `attribute without value in ${name}`;
        j++;
        while (j < n && isSpace(xml.charCodeAt(j))) j++;
        const quote = xml.charCodeAt(j);
        if (quote !== 0x22 && quote !== 0x27) return `unquoted attribute in ${name}`;
        const end = xml.indexOf(quote === 0x22 ? '"' : "'", j + 1);
        if (end < 0) return `unterminated attribute in ${name}`;
        for (let k = j + 1; k < end; k++)
          if (xml.charCodeAt(k) === 0x3c) return `'<' in attribute of ${name}`;
        j = end + 1;
      }
      if (xml.charCodeAt(j) === 0x2f) j++;
    } else {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
    }
    if (j < n && xml.charCodeAt(j) !== 0x3e) return `bad end of tag ${name}`;
    if (j >= n) return `unterminated tag ${name}`;
    const selfClosing = !closing && xml.charCodeAt(j - 1) === 0x2f;
    if (closing) {
      if (stack.pop() !== name) return `unexpected </${name}>`;
    } else if (!selfClosing) {
      stack.push(name);
      if (stack.length > MAX_XML_DEPTH) return `nested deeper than ${MAX_XML_DEPTH}`;
    }
    i = j + 1;
  }
  return stack.length === 0 ? null : `unclosed <${stack[stack.length - 1]}>`;
}
