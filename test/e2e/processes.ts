import { ChildProcess, SpawnOptions, spawn } from 'node:child_process';
import * as fs from 'node:fs';

/** The live (not zombie) processes of a process group, read from /proc. */
export function groupMembers(pgid: number): number[] {
  const out: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so parse after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z') out.push(Number(name));
  }
  return out;
}

async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() >= deadline) return false;
    await new Promise(r => setTimeout(r, 100));
  }
  return true;
}

/**
 * A child started as the leader of its own process group (`detached`), so that stopping it also
 * stops whatever it forked: code-server's file watcher, extension hosts, language servers.
 */
export class Group {
  /** Every group started and not yet stopped: what an interrupted run must stop. */
  static readonly live = new Set<Group>();
  readonly proc: ChildProcess;
  output = '';

  constructor(command: string, args: string[], options: SpawnOptions, private onOutput?: (chunk: string) => void) {
    this.proc = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    Group.live.add(this);
    const take = (d: Buffer) => {
      this.output += d.toString();
      this.onOutput?.(d.toString());
    };
    this.proc.stdout!.on('data', take);
    this.proc.stderr!.on('data', take);
  }

  get pgid(): number {
    return this.proc.pid!;
  }

  /** Resolves with the leader's exit code, or rejects after `ms` (the group keeps running). */
  exited(ms: number): Promise<number | null> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return Promise.resolve(this.proc.exitCode);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms);
      this.proc.once('exit', code => {
        clearTimeout(t);
        resolve(code);
      });
    });
  }

  /** SIGTERM to the whole group, SIGKILL to whatever is left after `graceMs`; resolves when none is left. */
  async stop(graceMs = 10_000): Promise<void> {
    await this.terminate(graceMs);
    Group.live.delete(this);
  }

  private async terminate(graceMs: number): Promise<void> {
    if (this.proc.pid === undefined) return;
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(-this.pgid, s);
      } catch {
        // ESRCH: the group is already gone
      }
    };
    if (groupMembers(this.pgid).length === 0) return;
    signal('SIGTERM');
    if (await until(() => groupMembers(this.pgid).length === 0, graceMs)) return;
    signal('SIGKILL');
    if (!(await until(() => groupMembers(this.pgid).length === 0, 5_000))) {
      throw new Error(`process group ${this.pgid} survived SIGKILL: ${groupMembers(this.pgid).join(', ')}`);
    }
  }
}
