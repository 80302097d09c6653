/**
 * A moto server for the end-to-end proof: started on 127.0.0.1 (never another address) on a free
 * port, filled by build_topology.py, read by core's collector script into describe bundles.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { collectScript } from '../../../src/core/import/aws/index.ts';
import { runProcess } from '../run-cli.ts';

const BUILDER = resolve(import.meta.dirname, 'build_topology.py');

/** Why the moto proof cannot run here, or undefined when everything it needs is installed. */
export function missingTools(): string | undefined {
  const missing = ['moto_server', 'aws', 'python3'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length > 0) return `${missing.join(', ')} not found on PATH`;
  if (spawnSync('python3', ['-c', 'import boto3']).status !== 0) return 'python3 cannot import boto3 (the topology builder needs it)';
  return undefined;
}

/**
 * Resolves a pyenv shim to the real program: the collector calls aws ~20 times per Region, and
 * the shim's own start-up would add a good part to each call.
 */
function realDir(tool: string): string | undefined {
  const found = spawnSync('pyenv', ['which', tool], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? dirname(found.stdout.trim()) : undefined;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface World {
  region: string;
  ids: Record<string, string>;
}

export class Moto {
  private constructor(
    private readonly child: ChildProcess,
    readonly endpoint: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Starts moto_server on 127.0.0.1 and waits until it answers. */
  static async start(workDir: string): Promise<Moto> {
    const port = await freePort();
    const log = openSync(join(workDir, 'moto.log'), 'a');
    const motoDir = realDir('moto_server');
    const program = motoDir ? join(motoDir, 'moto_server') : 'moto_server';
    const child = spawn(program, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', log, log] });
    const endpoint = `http://127.0.0.1:${port}`;
    const binDirs = [realDir('aws'), realDir('python3')].filter((d): d is string => d !== undefined);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: [...binDirs, process.env.PATH ?? ''].join(':'),
      AWS_ENDPOINT_URL: endpoint,
      // moto's dummy credentials; no file of the machine's own AWS configuration is read.
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
    };
    delete env.AWS_PROFILE;
    delete env.AWS_SESSION_TOKEN;
    const moto = new Moto(child, endpoint, env);
    try {
      await moto.waitUntilUp(child);
    } catch (e) {
      await moto.stop();
      throw e;
    }
    return moto;
  }

  private async waitUntilUp(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}; see moto.log`);
      try {
        const answer = await fetch(`${this.endpoint}/moto-api/`);
        if (answer.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('moto_server did not answer within 60 s');
  }

  /** Builds each world of build_topology.py in its own Region; returns their ids. */
  async build(worlds: Record<string, string>): Promise<Record<string, World>> {
    const pairs = Object.entries(worlds).map(([world, region]) => `${world}=${region}`);
    const run = await runProcess('python3', [BUILDER, this.endpoint, ...pairs], { env: this.env });
    if (run.code !== 0) throw new Error(`build_topology.py failed (${run.code}):\n${run.stderr}`);
    return JSON.parse(run.stdout) as Record<string, World>;
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
        const run = await runProcess('bash', [script, '-r', region, '-o', out], { env: this.env });
        if (run.code !== 0) throw new Error(`collector failed for ${world} (${region}):\n${run.stderr}`);
        folders[world] = out;
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    return folders;
  }

  /** Stops the server this object started (by its own process, nothing else). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
