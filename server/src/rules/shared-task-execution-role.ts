import { defineRule } from '../engine/types';
import { MValue, get, str } from '../model/values';
import { q } from './lib/walk';

/** Whether two role values name the same role: equal literals, or unknowns that refer to the same thing. */
export function sameRole(a: MValue, b: MValue): boolean {
  const sa = str(a);
  const sb = str(b);
  if (sa !== undefined && sb !== undefined) return sa.trim() !== '' && sa.trim() === sb.trim();
  if (a.kind === 'unknown' && b.kind === 'unknown') return a.identity !== undefined && a.identity === b.identity;
  return false;
}

export default defineRule({
  meta: {
    id: 'shared-task-execution-role',
    severity: 'warning',
    title: 'Task role and execution role are the same role',
    description: 'The execution role is for the ECS agent (pull images, read the task\'s secrets, write logs); the task role is what the application gets. One role for both hands every container the right to read all of the task\'s secrets and pull its images, and the agent whatever the application may do.',
    fixable: false,
    references: {
      checkov: ['CKV_AWS_249'],
      links: [
        ['ECS task IAM role', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html'],
        ['ECS task execution IAM role', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html'],
      ],
    },
  },
  check(doc, { report }) {
    for (const task of doc.tasks) {
      const taskRole = get(task.obj, 'taskRoleArn');
      const execRole = get(task.obj, 'executionRoleArn');
      if (!taskRole || !execRole || !sameRole(taskRole, execRole)) continue;
      report(taskRole, `Task definition ${q(task.label)} uses its execution role as its task role: every container gets the agent's rights to pull the task's images and read all of its secrets, beyond what the application needs.`);
    }
  },
});
