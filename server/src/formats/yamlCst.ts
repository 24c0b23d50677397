import { CST, Parser } from 'yaml';
import type { Span } from '../model/values';
import type { SArray, SComment, SNode, SObject, SProp, SScalar, STagged } from './syntax';
import { MAX_YAML_DEPTH, plainValue, type YamlParseResult } from './yamlCommon';

type Props = CST.SourceToken[] | undefined;
type Parent = SObject | SArray;
type Job = { tok: CST.Token; props: Props; depth: number; parent?: Parent; prop?: SProp; index?: number };

/**
 * Reads YAML into the shared syntax tree, with exact spans, comments and syntax errors. Built on
 * the `yaml` package's concrete syntax tree (its Parser), not its Document API: the CST keeps every
 * offset, costs a fraction of composing a Document, and the walk below uses an explicit stack, so
 * the input's nesting depth never reaches the call stack (the package's composer recurses).
 * Custom tags (`!Ref x`, `!If [...]`) become STagged nodes in scalar, sequence and mapping form.
 * Aliases are never expanded (CloudFormation does not support them, and expanding invites an
 * alias bomb): an alias is kept as an invalid scalar, which the model treats as unknown.
 * Only the first document of a multi-document stream is read.
 *
 * This is the general reader: `parseYaml` tries the faster token reader (yamlFast.ts) first and
 * comes here whenever that one meets anything outside the plain subset it reads.
 */
export function parseYamlCst(text: string): YamlParseResult {
  const errors: YamlParseResult['errors'] = [];
  const comments: SComment[] = [];
  const seenErrors = new Set<string>();
  const error = (start: number, end: number, message: string) => {
    const key = `${start}:${message}`;
    if (errors.length >= 100 || seenErrors.has(key)) return; // one report per place and cause
    seenErrors.add(key);
    errors.push({ span: { start, end: Math.max(start, end) }, message });
  };
  const sourceTokens = (toks: readonly CST.Token[] | undefined) => {
    if (!toks) return;
    for (const t of toks) {
      if (t.type === 'comment') {
        const s = t as CST.SourceToken;
        comments.push({ span: { start: s.offset, end: s.offset + s.source.length }, text: s.source.slice(1) });
      } else if (t.type === 'error') {
        const e = t as CST.ErrorToken;
        error(e.offset, e.offset + Math.max(1, e.source.length), e.message);
      } else if (t.type === 'flow-error-end') {
        error(t.offset, t.offset + 1, 'Unexpected end of a flow collection.');
      }
    }
  };

  let root: SNode | undefined;
  let tooDeep = false;
  // Collections and tagged nodes in creation (pre-)order: walked backwards, every node comes after
  // its descendants, so ends can be settled bottom-up without recursion.
  const settle: (SObject | SArray | STagged)[] = [];
  const jobs: Job[] = [];

  const attach = (job: Job, node: SNode) => {
    if (job.prop) {
      job.prop.value = node;
      node.prop = job.prop;
      node.parent = job.prop.parent;
    } else if (job.parent && job.parent.kind === 'array') {
      job.parent.items[job.index!] = node;
      node.parent = job.parent;
    } else if (!job.parent) root = node;
  };

  /** Wraps `node` in its tag, when the properties before it carry one other than a core tag (`!!str`). */
  const tagged = (props: Props, make: () => SNode): SNode => {
    let tag: CST.SourceToken | undefined;
    if (props) for (const p of props) if (p.type === 'tag') tag = p;
    if (!tag || tag.source.startsWith('!!') || tag.source.startsWith('!<')) return make();
    const t: STagged = { kind: 'tagged', tag: tag.source.slice(1), span: { start: tag.offset, end: tag.offset + tag.source.length }, value: undefined as unknown as SNode };
    settle.push(t);
    const inner = make();
    t.value = inner;
    inner.parent = t;
    inner.prop = undefined;
    return t;
  };

  const coreTag = (props: Props): string | undefined => {
    if (props) for (const p of props) if (p.type === 'tag' && p.source.startsWith('!!')) return p.source;
    return undefined;
  };

  /** A null standing for a value that is not written (`Key: !Ref` and nothing after the tag, `- `). */
  const empty = (at: number): SScalar => ({ kind: 'scalar', value: null, style: '', span: { start: at, end: at } });

  /**
   * The column of `pos` (an item's key or dash), reporting a tab in the indentation before it:
   * one backward scan to the line start does both.
   */
  const columnOf = (pos: number): number => {
    let i = pos;
    let tab = -1;
    let indentOnly = true;
    while (i > 0) {
      const c = text.charCodeAt(i - 1);
      if (c === 10 || c === 13) break;
      if (c === 0xfeff && i === 1) break; // a byte order mark takes no column
      if (c === 9) tab = i - 1;
      else if (c !== 32) { indentOnly = false; tab = -1; }
      i--;
    }
    if (tab >= 0 && indentOnly) error(tab, tab + 1, 'Tabs are not allowed as indentation.');
    return pos - i;
  };

  const build = (job: Job) => {
    const { tok, props, depth } = job;
    if (depth > MAX_YAML_DEPTH && (tok.type === 'block-map' || tok.type === 'block-seq' || tok.type === 'flow-collection')) {
      if (!tooDeep) error(tok.offset, tok.offset + 1, `Nesting deeper than ${MAX_YAML_DEPTH} levels: the deeper part is not analysed.`);
      tooDeep = true;
      attach(job, { kind: 'scalar', value: '…', invalid: true, span: { start: tok.offset, end: tok.offset + 1 } });
      return;
    }
    switch (tok.type) {
      case 'scalar': case 'single-quoted-scalar': case 'double-quoted-scalar': case 'block-scalar': {
        attach(job, tagged(props, () => scalarNode(tok as CST.FlowScalar | CST.BlockScalar, coreTag(props))));
        return;
      }
      case 'alias': {
        sourceTokens((tok as CST.FlowScalar).end);
        const s = tok as CST.FlowScalar;
        attach(job, tagged(props, () => ({ kind: 'scalar', value: s.source, invalid: true, style: '', span: { start: s.offset, end: s.offset + s.source.length } })));
        return;
      }
      case 'block-map': {
        const map = tok as CST.BlockMap;
        const node = tagged(props, () => {
          const obj: SObject = { kind: 'object', props: [], flow: false, span: { start: map.offset, end: map.offset } };
          settle.push(obj);
          mapItems(obj, map.items, depth, false);
          return obj;
        });
        attach(job, node);
        return;
      }
      case 'block-seq': {
        const seq = tok as CST.BlockSequence;
        const node = tagged(props, () => {
          const arr: SArray = { kind: 'array', items: [], flow: false, span: { start: seq.offset, end: seq.offset } };
          settle.push(arr);
          let first = true;
          let col = -1;
          for (const item of seq.items) {
            sourceTokens(item.start);
            const dash = item.start.find(t => t.type === 'seq-item-ind');
            if (!dash) {
              // Content at the sequence's level without its `- ` (a misindented line): not an item.
              if (item.value) error(item.value.offset, item.value.offset + 1, 'A sequence item must start with "- ".');
              continue;
            }
            const c = columnOf(dash.offset);
            if (col < 0) col = c;
            else if (c !== col) error(dash.offset, dash.offset + 1, 'All sequence items must start at the same column.');
            if (first) arr.span.start = dash.offset;
            first = false;
            const index = arr.items.length;
            if (item.value) {
              arr.items.push(empty(dash.offset + 1)); // placeholder until the job runs
              jobs.push({ tok: item.value, props: item.start, depth: depth + 1, parent: arr, index });
            } else {
              const n = tagged(item.start, () => empty(dash.offset + 1));
              const tagTok = item.start.find(t => t.type === 'tag');
              if (n.kind === 'tagged' && tagTok) (n.value as SScalar).span = { start: tagTok.offset + tagTok.source.length, end: tagTok.offset + tagTok.source.length };
              n.parent = arr;
              arr.items.push(n);
            }
          }
          return arr;
        });
        attach(job, node);
        return;
      }
      case 'flow-collection': {
        const fc = tok as CST.FlowCollection;
        const isMap = fc.start.source === '{';
        sourceTokens(fc.end);
        const close = fc.end.find(t => t.type === 'flow-map-end' || t.type === 'flow-seq-end');
        const node = tagged(props, () => {
          const span = { start: fc.start.offset, end: close ? close.offset + 1 : fc.start.offset + 1 };
          if (!close) error(fc.start.offset, fc.start.offset + 1, isMap ? 'This flow mapping is not closed: } expected.' : 'This flow sequence is not closed: ] expected.');
          if (isMap) {
            const obj: SObject = { kind: 'object', props: [], flow: true, span };
            settle.push(obj);
            mapItems(obj, fc.items, depth, true);
            return obj;
          }
          const arr: SArray = { kind: 'array', items: [], flow: true, span };
          settle.push(arr);
          for (const item of fc.items) {
            if (item.sep?.some(t => t.type === 'map-value-ind') || (item.key !== undefined && item.key !== null)) {
              // `[a: 1]`: a single-pair mapping inside a flow sequence.
              const pair: SObject = { kind: 'object', props: [], flow: true, span: { start: item.key?.offset ?? fc.start.offset, end: item.key?.offset ?? fc.start.offset } };
              settle.push(pair);
              mapItems(pair, [item], depth + 1, true);
              pair.parent = arr;
              arr.items.push(pair);
              continue;
            }
            sourceTokens(item.start);
            sourceTokens(item.sep);
            if (!item.value) continue; // a stray comma
            const index = arr.items.length;
            arr.items.push(empty(item.value.offset));
            jobs.push({ tok: item.value, props: item.start, depth: depth + 1, parent: arr, index });
          }
          return arr;
        });
        attach(job, node);
        return;
      }
      case 'error': {
        const e = tok as CST.ErrorToken;
        error(e.offset, e.offset + Math.max(1, e.source.length), e.message);
        return;
      }
      default:
        return;
    }
  };

  const scalarNode = (tok: CST.FlowScalar | CST.BlockScalar, core: string | undefined): SScalar => {
    if (tok.type !== 'block-scalar') sourceTokens(tok.end);
    else sourceTokens(tok.props);
    const r = CST.resolveAsScalar(tok, false, (offset, _code, message) => error(offset, offset + 1, message));
    const raw = r?.value ?? '';
    let start = tok.offset;
    let end = tok.offset + tok.source.length;
    let style: SScalar['style'] = '';
    let value: SScalar['value'] = raw;
    switch (tok.type) {
      case 'scalar':
        value = core === '!!str' ? raw : plainValue(raw);
        break;
      case 'single-quoted-scalar': style = "'"; break;
      case 'double-quoted-scalar': style = '"'; break;
      case 'block-scalar': {
        const props = tok.props as CST.SourceToken[];
        const header = props.find(p => p.type === 'block-scalar-header');
        if (header) start = header.offset;
        // The content follows the header line: the props are the header, comments and the line break.
        const last = props[props.length - 1];
        if (last) end = last.offset + last.source.length + tok.source.length;
        style = header?.source.startsWith('>') ? '>' : '|';
        // The span ends with the last content character: trailing blank lines belong to no one.
        while (end > start && /\s/.test(text[end - 1])) end--;
        if (header && end < header.offset + header.source.length) end = header.offset + header.source.length;
        break;
      }
    }
    return { kind: 'scalar', value, style, span: { start, end } };
  };

  const mapItems = (obj: SObject, items: CST.CollectionItem[], depth: number, flow: boolean) => {
    let col = -1;
    // Duplicate keys: a linear look-back in small mappings (nearly all of them), a set in large ones.
    let seen: Set<string> | undefined;
    for (const item of items) {
      sourceTokens(item.start);
      sourceTokens(item.sep);
      const colon = item.sep?.find(t => t.type === 'map-value-ind');
      const key = item.key;
      if (!key && !colon) continue; // only comments, or a stray comma
      let keyText = '';
      let keySpan: Span;
      if (key && (key.type === 'scalar' || key.type === 'single-quoted-scalar' || key.type === 'double-quoted-scalar')) {
        const k = key as CST.FlowScalar;
        sourceTokens(k.end);
        keyText = CST.resolveAsScalar(k, false, (offset, _code, message) => error(offset, offset + 1, message))?.value ?? k.source;
        keySpan = { start: k.offset, end: k.offset + k.source.length };
        if (!flow && k.source.includes('\n')) error(k.offset, keySpan.end, 'Implicit keys need to be on a single line.');
      } else if (key) {
        // A key that is a collection or a block scalar: kept as written, never looked up.
        const end = colon ? colon.offset : key.offset + 1;
        keyText = text.slice(key.offset, end).trim();
        keySpan = { start: key.offset, end: Math.max(key.offset + 1, key.offset + keyText.length) };
      } else {
        keySpan = { start: colon!.offset, end: colon!.offset };
      }
      if (!flow) {
        const c = columnOf(keySpan.start);
        if (col < 0) col = c;
        else if (c !== col) error(keySpan.start, keySpan.end, 'All mapping items must start at the same column.');
        if (!colon) error(keySpan.start, keySpan.end, 'Implicit map keys need to be followed by map values.');
      }
      let duplicate = false;
      if (obj.props.length < 16) {
        for (const q of obj.props) if (q.key === keyText) duplicate = true;
      } else {
        if (!seen) seen = new Set(obj.props.map(q => q.key));
        duplicate = seen.has(keyText);
        seen.add(keyText);
      }
      if (duplicate) error(keySpan.start, keySpan.end, `Duplicate key '${keyText.slice(0, 60)}': the last one wins.`);
      if (obj.props.length === 0) obj.span.start = flow ? obj.span.start : keySpan.start;
      const prop: SProp = { key: keyText, keySpan, span: { start: keySpan.start, end: colon ? colon.offset + 1 : keySpan.end }, value: undefined, parent: obj };
      obj.props.push(prop);
      if (item.value) {
        jobs.push({ tok: item.value, props: item.sep, depth: depth + 1, parent: obj, prop });
      } else if (item.sep?.some(t => t.type === 'tag')) {
        // `Key: !Ref` with nothing after the tag yet.
        const tagTok = item.sep.filter(t => t.type === 'tag').pop()!;
        const at = tagTok.offset + tagTok.source.length;
        const n = tagged(item.sep, () => empty(at));
        n.prop = prop;
        n.parent = obj;
        prop.value = n;
      }
    }
  };

  for (const tok of new Parser().parse(text)) {
    switch (tok.type) {
      case 'document': {
        const doc = tok as CST.Document;
        if (root) break; // later documents of a stream are not read
        sourceTokens(doc.start);
        sourceTokens(doc.end);
        if (doc.value) {
          jobs.push({ tok: doc.value, props: doc.start, depth: 0 });
          while (jobs.length) build(jobs.pop()!);
        }
        break;
      }
      case 'comment':
        if (!root) sourceTokens([tok]);
        break;
      case 'error':
        sourceTokens([tok]);
        break;
      case 'doc-end':
        sourceTokens((tok as CST.DocumentEnd).end);
        break;
      default:
        break;
    }
  }

  // Settle ends bottom-up: a collection ends where its last member ends, a property where its value does.
  for (let i = settle.length - 1; i >= 0; i--) {
    const n = settle[i];
    if (n.kind === 'tagged') {
      n.span.end = Math.max(n.span.end, n.value.span.end);
      continue;
    }
    if (n.kind === 'object') {
      for (const p of n.props) if (p.value) p.span.end = p.value.span.end;
      if (!n.flow && n.props.length) n.span.end = n.props[n.props.length - 1].span.end;
      else if (n.flow && n.props.length) n.span.end = Math.max(n.span.end, n.props[n.props.length - 1].span.end);
    } else {
      if (!n.flow && n.items.length) n.span.end = n.items[n.items.length - 1].span.end;
      else if (n.flow && n.items.length) n.span.end = Math.max(n.span.end, n.items[n.items.length - 1].span.end);
    }
  }
  comments.sort((a, b) => a.span.start - b.span.start);
  return { root, errors, comments };
}
