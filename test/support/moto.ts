/**
 * A moto server for tests that drive the real aws CLI: started on 127.0.0.1 (never another
 * address) on a free port, with moto's dummy credentials and none of the machine's AWS config.
 * Needs moto_server and aws on PATH; `motoTools()` says what is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { crc32 } from 'node:zlib';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { collectScript, importDescribeBundle, type ImportedBundle } from '../../src/core/import/aws/index.ts';

export const onCi = process.env.CI === 'true' || process.env.CI === '1';

/** Why moto tests cannot run here, or undefined. */
export function motoTools(): string | undefined {
  const missing = ['moto_server', 'aws', 'bash'].filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  return missing.length > 0 ? `${missing.join(', ')} not found on PATH` : undefined;
}

/** A pyenv shim resolved to its real program directory: the shim's start-up would double each aws call. */
function realDir(tool: string): string | undefined {
  const found = spawnSync('pyenv', ['which', tool], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? dirname(found.stdout.trim()) : undefined;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

export class MotoServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly endpoint: string,
    /** Environment for aws and scripts: dummy credentials, AWS_ENDPOINT_URL, no config files. */
    readonly env: NodeJS.ProcessEnv,
    private readonly workDir: string,
  ) {}

  static async start(workDir: string): Promise<MotoServer> {
    const port = await freePort();
    const motoDir = realDir('moto_server');
    const bins = [realDir('aws'), motoDir].filter((d): d is string => d !== undefined);
    const env: NodeJS.ProcessEnv = {
      PATH: [...bins, process.env.PATH ?? '/usr/bin:/bin'].join(':'),
      HOME: workDir,
      LANG: 'C.UTF-8',
      AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
    };
    for (const key of ['PYENV_ROOT', 'PYENV_VERSION']) if (process.env[key]) env[key] = process.env[key];
    let log = '';
    const child = spawn(motoDir ? join(motoDir, 'moto_server') : 'moto_server', ['-H', '127.0.0.1', '-p', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (b: Buffer) => (log = (log + b.toString()).slice(-4000)));
    child.stderr?.on('data', (b: Buffer) => (log = (log + b.toString()).slice(-4000)));
    const moto = new MotoServer(child, `http://127.0.0.1:${port}`, env, workDir);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`moto_server exited (${child.exitCode}): ${log}`);
      try {
        if ((await fetch(`${moto.endpoint}/moto-api/`)).ok) return moto;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await moto.stop();
        throw new Error(`moto_server did not answer within 60 s: ${log}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Runs a bash script file with the moto environment plus `extra`. */
  bash(script: string, extra: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<Run> {
    return run('bash', [script, ...args], { ...this.env, ...extra }, this.workDir);
  }

  /** aws with JSON output against the server. */
  async aws(region: string, ...args: string[]): Promise<unknown> {
    const r = await run('aws', [...args, '--region', region, '--endpoint-url', this.endpoint, '--output', 'json'], this.env);
    if (r.code !== 0) throw new Error(`aws ${args.slice(0, 2).join(' ')} failed: ${r.stderr}`);
    return r.stdout.trim() ? JSON.parse(r.stdout) : {};
  }

  /** Reads a Region back with core's collector script and imports the bundle. */
  async collect(region: string): Promise<ImportedBundle> {
    const out = join(this.workDir, `bundle-${region}-${Date.now()}`);
    mkdirSync(out, { recursive: true });
    const script = join(this.workDir, `collect-${region}.sh`);
    writeFileSync(script, collectScript({}));
    const r = await run('bash', [script, '-r', region, '-o', out], this.env, this.workDir);
    if (r.code !== 0) throw new Error(`collector failed for ${region}:\n${r.stderr}`);
    const files = readdirSync(out).filter((f) => f.endsWith('.json'));
    const result = importDescribeBundle(files.map((name) => ({ name, text: readFileSync(join(out, name), 'utf8') })));
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  /** Forgets every resource of every Region. */
  async reset(): Promise<void> {
    await fetch(`${this.endpoint}/moto-api/reset`, { method: 'POST' });
    this.role = undefined;
  }

  private role: Promise<string> | undefined;

  /** An ACM certificate in a Region, for HTTPS listeners (moto refuses a listener whose certificate it does not hold). */
  async certificate(region: string): Promise<string> {
    return ((await this.aws(region, 'acm', 'request-certificate', '--domain-name', 'tierwise.example')) as { CertificateArn: string }).CertificateArn;
  }

  /** The ARN of an IAM role Lambda may assume (moto checks that a function's role exists; IAM is global, so made once per reset). */
  lambdaRole(): Promise<string> {
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    this.role ??= this.aws('us-east-1', 'iam', 'create-role', '--role-name', 'tierwise-lambda', '--assume-role-policy-document', JSON.stringify(trust)).then((made) => (made as { Role: { Arn: string } }).Role.Arn);
    return this.role;
  }

  /** Stops the server this object started (its own process only). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

/** A Lambda deployment package: a zip (stored, not deflated) holding index.js. */
export function writeLambdaZip(path: string): void {
  const name = Buffer.from('index.js');
  const body = Buffer.from('exports.handler = async () => ({ statusCode: 200 });\n');
  const crc = crc32(body);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(body.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(body.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralAt = local.length + name.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralAt, 16);
  writeFileSync(path, Buffer.concat([local, name, body, central, name, end]));
}
