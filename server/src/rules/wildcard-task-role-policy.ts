import { defineRule } from '../engine/types';
import { MValue, get, str } from '../model/values';

/** IAM verbs that only read. Anything else (Put, Delete, Create, Update, Pass, *, …) can change something. */
const READ_VERB = /^(Get|List|Describe|BatchGet|Query|Scan|Select|Head|Lookup|Search|Validate|Check|Detect|View|Read|Filter|Estimate|Preview|Simulate)/;

function values(v: MValue | undefined): MValue[] {
  if (!v) return [];
  return v.kind === 'array' ? v.items : [v];
}

export default defineRule({
  meta: {
    id: 'wildcard-task-role-policy',
    severity: 'warning',
    title: 'Task role policy grants wildcard permissions',
    description: 'A task role that allows "*" actions, whole services ("s3:*") or writes on every resource ("Resource": "*") hands whoever compromises one container the power to reach far beyond what the service needs.',
    fixable: false,
    references: {
      cdkNag: ['AwsSolutions-IAM5'],
      checkov: ['CKV_AWS_63', 'CKV_AWS_290', 'CKV_AWS_355'],
      links: [['IAM roles for ECS tasks', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html'], ['Grant least privilege', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege']],
    },
  },
  check(doc, { report }) {
    for (const st of doc.taskRoleStatements) {
      const effect = str(get(st.obj, 'effect'));
      if (effect !== undefined && effect.toLowerCase() !== 'allow') continue;
      if (get(st.obj, 'effect')?.kind === 'unknown') continue;
      const who = `the task role ${st.roleLabel}${st.tasks.length ? ` (of ${st.tasks.join(', ')})` : ''}`;
      const actions = values(get(st.obj, 'action'));
      let anyWrite = false;
      let reported = false;
      for (const a of actions) {
        const s = str(a);
        if (s === undefined) continue;
        if (s === '*') {
          report(a, `A policy statement of ${who} allows every action ("*"): a compromised container gets full control of the account as far as the role reaches.`, { severity: 'error' });
          reported = true;
          continue;
        }
        const [service, verb = ''] = s.split(':');
        if (verb === '*') {
          report(a, `A policy statement of ${who} allows every ${service} action ("${s}"): grant only the actions the service calls.`);
          reported = true;
          continue;
        }
        if (!READ_VERB.test(verb)) anyWrite = true;
      }
      const notAction = get(st.obj, 'notAction');
      if (notAction) {
        report(notAction, `A policy statement of ${who} allows everything except the actions it lists (NotAction with Allow): list the actions the service needs instead.`);
        continue;
      }
      // One finding per statement: a wildcard action already says it all.
      if (reported || !anyWrite) continue;
      for (const r of values(get(st.obj, 'resource'))) {
        if (str(r) === '*') {
          report(r, `A policy statement of ${who} allows actions that change things on every resource ("Resource": "*"): name the resources (ARNs) the service works on.`);
        }
      }
    }
  },
});
