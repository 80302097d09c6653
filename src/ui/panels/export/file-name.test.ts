import { describe, expect, it } from 'vitest';
import { fileName, fileStem } from './file-name.ts';

describe('download file names', () => {
  it('turns a design name into a lower-case, hyphenated stem', () => {
    expect(fileName('Three-tier web app', 'sh')).toBe('three-tier-web-app.sh');
    expect(fileName('Three-tier web app', 'tf')).toBe('three-tier-web-app.tf');
    expect(fileName('Two-tier web and MySQL', 'yaml')).toBe('two-tier-web-and-mysql.yaml');
    expect(fileName('Three-tier web app', 'sh', 'security-groups')).toBe('three-tier-web-app-security-groups.sh');
  });

  it('collapses runs of punctuation and spaces, and trims them at the ends', () => {
    expect(fileStem('  Prod // eu-west-1 (v2)!!  ')).toBe('prod-eu-west-1-v2');
    expect(fileStem('a___b...c')).toBe('a-b-c');
  });

  it('never lets a path, a dot file or a control character through', () => {
    expect(fileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(fileStem('C:\\Windows\\System32')).toBe('c-windows-system32');
    expect(fileStem('.bashrc')).toBe('bashrc');
    expect(fileStem('tab\there\nnew\u0000line')).toBe('tab-here-new-line');
    expect(fileStem('a<b>c:d"e|f?g*h')).toBe('a-b-c-d-e-f-g-h');
  });

  it('keeps letters of other scripts and drops accents', () => {
    expect(fileStem('Réseau de démo')).toBe('reseau-de-demo');
    expect(fileStem('Straße')).toBe('straße');
    expect(fileStem('网络 设计')).toBe('网络-设计');
    expect(fileStem('Сеть №1')).toBe('сеть-no1');
  });

  it('falls back to a generic name when nothing usable is left', () => {
    expect(fileStem('')).toBe('tierwise-design');
    expect(fileStem('!!! ??? ***')).toBe('tierwise-design');
    expect(fileStem('🚀🚀')).toBe('tierwise-design');
  });

  it('steers clear of the names Windows reserves', () => {
    expect(fileStem('CON')).toBe('con-design');
    expect(fileStem('nul')).toBe('nul-design');
    expect(fileStem('LPT1')).toBe('lpt1-design');
    expect(fileStem('console')).toBe('console');
  });

  it('cuts long names at 80 characters without leaving a trailing hyphen', () => {
    const stem = fileStem(`${'a'.repeat(79)} bcd`);
    expect(stem).toBe('a'.repeat(79));
    expect(fileStem('x'.repeat(300))).toHaveLength(80);
    expect([...fileStem('网'.repeat(200))]).toHaveLength(80);
  });
});
