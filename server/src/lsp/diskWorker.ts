import * as os from 'node:os';
import { Worker, parentPort } from 'node:worker_threads';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../engine/analyze';
import type { RoleUse } from '../engine/roleIndex';
import type { Settings } from '../engine/types';
import { needsParserLoad, prepareDocument } from '../formats';
import { toDiagnostic, toRange } from './convert';

/**
 * Files read from disk (the workspace scan, the file watcher) whose format needs a parser loaded on
 * demand, the TypeScript compiler or the Python grammar, are analysed on a worker thread. Loading
 * the compiler holds a thread for a third of a second and keeps tens of megabytes for the life of the
 * process: on the server's own thread that would freeze the editor mid-scan and keep the memory
 * in a workspace whose CDK files nobody opens. The worker starts on the first such file, stops when
 * it has been idle for a few seconds, and any failure of it falls back to analysing in the server.
 *
 * The worker runs the server's own bundle (the entry point dispatches on `workerData.role`), so the
 * package ships no second copy of the engine.
 */
export const DISK_WORKER_ROLE = 'ecs-guard-disk-analysis';

/** What is kept of a file analysed from disk: plain data, so it crosses between threads as it is. */
export interface DiskResult {
  parsed: boolean;
  diagnostics: Diagnostic[];
  /** Task-role uses' ranges, by their span start. */
  useRanges: [number, Range][];
  uses: RoleUse[];
}

interface Request {
  id: number;
  text: string;
  uri: string;
  settings: Settings;
}

type Reply = { id: number; result: DiskResult } | { id: number; error: string };

/** Analyses a file's text and keeps only what the workspace stores of it. */
export async function analyzeDiskText(text: string, uri: string, settings: Settings): Promise<DiskResult> {
  await prepareDocument(text, uri);
  const result = analyze(text, uri, settings);
  if (!result.parsed) return { parsed: false, diagnostics: [], useRanges: [], uses: [] };
  const doc = TextDocument.create(uri, 'plaintext', 1, text);
  const uses = result.roleUses ?? [];
  return {
    parsed: true,
    diagnostics: result.findings.map(f => toDiagnostic(doc, f)),
    useRanges: uses.map(u => [u.span.start, toRange(doc, u.span)]),
    uses,
  };
}

/** The worker's side: answers requests, one at a time, in order. */
export function runDiskWorker(): void {
  const port = parentPort;
  if (!port) return;
  // Fault injection for the resilience tests: a worker that dies at start.
  if (process.env.ECS_GUARD_FAULT === 'diskWorker') throw new Error('injected fault in the disk-analysis worker');
  // The worker does the workspace scan's background work; the server's main thread answers the
  // editor. On Linux a thread's priority is its own, so this lowers the worker's alone: when the
  // machine is busy, the editor's requests (and the editor itself) come first. Elsewhere it may
  // lower the whole server, or fail, which changes nothing else.
  if (process.platform === 'linux') {
    try {
      os.setPriority(0, 10);
    } catch {
      // Not permitted here: the worker runs at the server's priority.
    }
  }
  let queue = Promise.resolve();
  port.on('message', (req: Request) => {
    queue = queue.then(async () => {
      let reply: Reply;
      try {
        reply = { id: req.id, result: await analyzeDiskText(req.text, req.uri, req.settings) };
      } catch (e) {
        reply = { id: req.id, error: e instanceof Error ? e.message : String(e) };
      }
      port.postMessage(reply);
    });
  });
}

/** How long an idle worker lives before it is stopped (and its memory returned). */
const IDLE_MS = 3000;
/** After this many failures the worker is not started again: everything is analysed in the server. */
const MAX_FAILURES = 3;

/** The server's side: sends files that need a parser loaded on demand to the worker. */
export class DiskAnalyzer {
  private worker: Worker | undefined;
  private waiting = new Map<number, { resolve: (r: DiskResult) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private idle: NodeJS.Timeout | undefined;
  private failures = 0;

  /** `script` is the server's entry point (undefined: no worker, everything in the server). */
  constructor(private script: string | undefined, private log: (msg: string) => void) {}

  /** Whether a file with this text would be analysed off the server's thread. */
  offThread(text: string, uri: string): boolean {
    return this.script !== undefined && this.failures < MAX_FAILURES && needsParserLoad(text, uri);
  }

  /**
   * Analyses on the worker when `offThread` says so (falling back to the server if it fails), else
   * here. A caller that has asked `offThread` already passes its answer, so the formats sniff once.
   */
  async analyze(text: string, uri: string, settings: Settings, offThread = this.offThread(text, uri)): Promise<DiskResult> {
    if (offThread) {
      try {
        return await this.send({ id: this.nextId++, text, uri, settings });
      } catch (e) {
        this.log(`disk-analysis worker: ${e instanceof Error ? e.message : String(e)}; analysing ${uri} in the server`);
      }
    }
    return analyzeDiskText(text, uri, settings);
  }

  /** Whether a worker is running (for the stats request). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Stops the worker now if it has nothing to do (the scan has ended: its memory goes back at once). */
  release(): Promise<void> {
    return this.waiting.size === 0 ? this.stop() : Promise.resolve();
  }

  dispose(): void {
    void this.stop(new Error('the server is shutting down'));
  }

  private send(req: Request): Promise<DiskResult> {
    const worker = this.start();
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    return new Promise<DiskResult>((resolve, reject) => {
      this.waiting.set(req.id, { resolve, reject });
      worker.postMessage(req);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script!, { workerData: { role: DISK_WORKER_ROLE } });
    worker.unref(); // never what keeps the server process alive
    worker.on('message', (reply: Reply) => {
      const w = this.waiting.get(reply.id);
      if (!w) return;
      this.waiting.delete(reply.id);
      if ('error' in reply) w.reject(new Error(reply.error));
      else w.resolve(reply.result);
      if (this.waiting.size === 0 && this.worker === worker) {
        this.idle = setTimeout(() => void this.stop(), IDLE_MS);
        this.idle.unref();
      }
    });
    const fail = (why: string) => {
      if (this.worker !== worker) return;
      this.failures++;
      void this.stop(new Error(why));
    };
    worker.on('error', e => fail(`it failed (${e instanceof Error ? e.message : String(e)})`));
    worker.on('exit', code => fail(`it exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  /** Stops the worker; resolves once its thread has ended. */
  private stop(why = new Error('stopped')): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    for (const w of this.waiting.values()) w.reject(why);
    this.waiting.clear();
    return worker ? worker.terminate().then(() => undefined, () => undefined) : Promise.resolve();
  }
}
