// HTML as a stream of open/close/text events: htmlparser2's tokenizer, with the open-element stack kept here.
// htmlparser2's own Parser keeps that stack with unshift/shift, which is quadratic in the nesting depth (30,000
// nested inline tags took a second); this stack uses push/pop. The implied-close rules are the Parser's.

import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

export interface HtmlEvents {
  onopentag(name: string, attribs: Record<string, string>): void;
  /** Called once for every element opened, innermost first, also for implied closes and at the end of input. */
  onclosetag(name: string): void;
  ontext(text: string): void;
}

const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
]); // prettier-ignore

const P = ['p'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
/** Opening the key closes the element on top of the stack while it is one of these (htmlparser2's rules). */
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>(
  (
    [
      ['tr', ['tr', 'th', 'td']], ['th', ['th']], ['td', ['thead', 'th', 'td']], ['body', ['head', 'link', 'script']],
      ['a', ['a']], ['li', ['li']], ['p', P], ['h1', HEADINGS], ['h2', HEADINGS], ['h3', HEADINGS], ['h4', HEADINGS],
      ['h5', HEADINGS], ['h6', HEADINGS], ['select', FORM], ['input', FORM], ['output', FORM], ['button', FORM],
      ['datalist', FORM], ['textarea', FORM], ['option', ['option']], ['optgroup', ['optgroup', 'option']],
      ['dd', ['dd', 'dt']], ['dt', ['dd', 'dt']], ['rt', ['rt', 'rp']], ['rp', ['rt', 'rp']],
      ['tbody', ['thead', 'tbody']], ['tfoot', ['thead', 'tbody']],
      ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
        'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((t) => [t, P]),
    ] as [string, string[]][]
  ).map(([tag, closes]) => [tag, new Set(closes)]),
); // prettier-ignore

export function parseHtml(html: string, events: HtmlEvents): void {
  const stack: string[] = [];
  const open = new Map<string, number>(); // how many of each element are on the stack
  const noAttribs: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);
  let tagName = '';
  let inTag = false;
  let attribs: Record<string, string> = noAttribs;
  let attribName = '';
  let attribValue = '';

  const pop = (): void => {
    const name = stack.pop()!;
    open.set(name, open.get(name)! - 1);
    events.onclosetag(name);
  };

  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      tagName = html.slice(start, end).toLowerCase();
      inTag = true;
      attribs = noAttribs;
    },
    onattribname(start, end) {
      attribName = html.slice(start, end).toLowerCase();
      if (attribs === noAttribs) attribs = Object.create(null) as Record<string, string>;
    },
    onattribdata(start, end) {
      attribValue += html.slice(start, end);
    },
    onattribentity(codepoint) {
      attribValue += String.fromCodePoint(codepoint);
    },
    onattribend() {
      if (!(attribName in attribs)) attribs[attribName] = attribValue;
      attribValue = '';
    },
    onopentagend() {
      if (!inTag) return;
      inTag = false;
      const name = tagName;
      const closes = OPEN_IMPLIES_CLOSE.get(name);
      if (closes) while (stack.length > 0 && closes.has(stack[stack.length - 1]!)) pop();
      if (!VOID.has(name)) {
        stack.push(name);
        open.set(name, (open.get(name) ?? 0) + 1);
      }
      events.onopentag(name, attribs);
      if (VOID.has(name)) events.onclosetag(name);
    },
    onselfclosingtag() {
      callbacks.onopentagend(0); // HTML ignores the slash of `<div/>`
    },
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      if ((open.get(name) ?? 0) > 0) {
        while (stack.length > 0 && stack[stack.length - 1] !== name) pop();
        pop();
      } else if (name === 'p' || name === 'br') {
        // A stray `</p>` or `</br>` is an empty paragraph or a line break, as in browsers.
        events.onopentag(name, noAttribs);
        events.onclosetag(name);
      }
    },
    ontext(start, end) {
      events.ontext(html.slice(start, end));
    },
    ontextentity(codepoint) {
      events.ontext(String.fromCodePoint(codepoint));
    },
    oncomment() {},
    oncdata() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {
      while (stack.length > 0) pop();
    },
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
}
