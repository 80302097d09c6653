/**
 * The moto proof of the command line: a MotoServer (test/support/moto.ts) filled by
 * build_topology.py and read by core's collector script into describe-bundle folders.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { collectScript } from '../../../src/core/import/aws/index.ts';
import { MotoServer, motoTools, run } from '../../support/moto.ts';

const BUILDER = resolve(import.meta.dirname, 'build_topology.py');

/** Why the moto proof cannot run here, or undefined when everything it needs is installed. */
export function missingTools(): string | undefined {
  const missing = motoTools() ?? (spawnSync('sh', ['-c', 'command -v python3']).status !== 0 ? 'python3 not found on PATH' : undefined);
  if (missing) return missing;
  if (spawnSync('python3', ['-c', 'import boto3']).status !== 0) return 'python3 cannot import boto3 (the topology builder needs it)';
  return undefined;
}

export interface World {
  region: string;
  ids: Record<string, string>;
}

/** The real python3 behind a pyenv shim, so boto3 is the one that answered missingTools(). */
function python(): string {
  const found = spawnSync('pyenv', ['which', 'python3'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? join(dirname(found.stdout.trim()), 'python3') : 'python3';
}

export class Moto {
  private constructor(private readonly server: MotoServer) {}

  /** Starts moto_server on 127.0.0.1 and waits until it answers. */
  static async start(workDir: string): Promise<Moto> {
    return new Moto(await MotoServer.start(workDir));
  }

  /** Builds each world of build_topology.py in its own Region; returns their ids. */
  async build(worlds: Record<string, string>): Promise<Record<string, World>> {
    const pairs = Object.entries(worlds).map(([world, region]) => `${world}=${region}`);
    // Asynchronous on purpose: moto_server's log is piped to this process, and a blocking spawn
    // would stop draining it, so moto would stall on a full pipe and the builder with it.
    const result = await run(python(), [BUILDER, this.server.endpoint, ...pairs], this.server.env);
    if (result.code !== 0) throw new Error(`build_topology.py failed (${result.code}):\n${result.stderr}`);
    return JSON.parse(result.stdout) as Record<string, World>;
  }

  /** Runs core's collector script for each Region, a few at a time; returns the bundle folders. */
  async collect(workDir: string, regions: Record<string, string>, parallel = 3): Promise<Record<string, string>> {
    const script = join(workDir, 'collect.sh');
    writeFileSync(script, collectScript({}));
    const queue = Object.entries(regions);
    const folders: Record<string, string> = {};
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [world, region] = next;
        const out = join(workDir, `bundle-${world}`);
        mkdirSync(out, { recursive: true });
        const run = await this.server.bash(script, {}, ['-r', region, '-o', out]);
        if (run.code !== 0) throw new Error(`collector failed for ${world} (${region}):\n${run.stderr}`);
        folders[world] = out;
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    return folders;
  }

  /** Stops the server this object started. */
  stop(): Promise<void> {
    return this.server.stop();
  }
}
