import { ModelDocument, emptyModel } from '../../server/src/model/document';
import type { MObject } from '../../server/src/model/values';
import { parseJson } from '../../server/src/formats/jsonParse';
import { toModel } from '../../server/src/formats/toModel';
import { DEFAULT_SETTINGS, Finding, Settings } from '../../server/src/engine/types';
import { RULES_BY_ID } from '../../server/src/rules';
import { observe } from './observations';

/**
 * Model-level tests, for rules about resources that only some formats declare (services, clusters,
 * role policies): real JSON text through the real reader and mapper, wrapped in a document. Each
 * format's own tests show that its adapter builds these objects from its source.
 */
export function objectFrom(json: string): { obj: MObject; text: string } {
  const { root } = parseJson(json);
  return { obj: toModel(root!) as MObject, text: json };
}

export function model(parts: Partial<ModelDocument>): ModelDocument {
  return { ...emptyModel(), ...parts };
}

export function check(ruleId: string, doc: ModelDocument, settings: Settings = DEFAULT_SETTINGS): Finding[] {
  const rule = RULES_BY_ID.get(ruleId)!;
  const out: Finding[] = [];
  rule.check(doc, {
    settings,
    report(at, message, options = {}) {
      const span = 'kind' in at ? at.span : at;
      out.push({ ruleId, severity: options.severity ?? rule.meta.severity, message, span, fix: typeof options.fix === 'function' ? options.fix() : options.fix });
    },
  });
  observe(ruleId, 'model', out.length > 0);
  return out;
}
