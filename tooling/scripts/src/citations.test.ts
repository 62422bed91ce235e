import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkRepository,
  checkSource,
  findCitations,
  formatProblems,
  parseSections,
  repoRoot,
  type DocSections,
} from './citations.js';

const DOMAIN_MD = [
  '# Domain',
  '',
  '## 1. One',
  'text',
  '## 2. Two (二)',
  '```',
  '## 9. In a fence',
  '```',
].join('\n');
const INTERFACES_MD = [
  '# Interfaces',
  '',
  '## Conventions',
  '',
  '## Start, sign-in, demo',
  '### Detail',
].join('\n');

const docs = new Map<string, DocSections>([
  ['domain.md', parseSections(DOMAIN_MD)],
  ['interfaces.md', parseSections(INTERFACES_MD)],
]);

describe('parseSections', () => {
  it('reads numbered sections and headings, ignoring fenced code', () => {
    const { numbers, headings } = parseSections(DOMAIN_MD);
    expect([...numbers]).toEqual([1, 2]);
    expect([...headings]).toEqual(['1. One', '2. Two (二)']);
    expect(parseSections(INTERFACES_MD).headings.has('Start, sign-in, demo')).toBe(true);
  });
});

describe('findCitations', () => {
  it('finds numbers, lists, ranges, headings and whole documents', () => {
    const source = [
      '/** A (docs/domain.md §1). */',
      '// B (docs/domain.md §1, §2; docs/interfaces.md "Conventions" errors)',
      '/* C docs/domain.md §1–§2 */',
      '/** D (docs/interfaces.md) */',
    ].join('\n');
    const cited = findCitations(source).map((c) => [c.line, c.doc, c.section]);
    expect(cited).toEqual([
      [1, 'domain.md', { kind: 'number', n: 1 }],
      [2, 'domain.md', { kind: 'number', n: 1 }],
      [2, 'domain.md', { kind: 'number', n: 2 }],
      [2, 'interfaces.md', { kind: 'heading', text: 'Conventions' }],
      [3, 'domain.md', { kind: 'number', n: 1 }],
      [3, 'domain.md', { kind: 'number', n: 2 }],
      [4, 'interfaces.md', undefined],
    ]);
  });

  it('follows a citation across the line break of a wrapped comment', () => {
    const source = [
      '/**',
      ' * Something long (docs/interfaces.md',
      ' * "Start, sign-in, demo").',
      ' */',
    ].join('\n');
    expect(findCitations(source).map((c) => [c.line, c.section])).toEqual([
      [2, { kind: 'heading', text: 'Start, sign-in, demo' }],
    ]);
  });
});

describe('checkSource', () => {
  it('accepts citations of sections that exist', () => {
    const source = '// (docs/domain.md §2, docs/interfaces.md "Start, sign-in, demo", docs/interfaces.md)';
    expect(checkSource('a.ts', source, docs)).toEqual([]);
  });

  it('names file, line and the missing section of a bad citation', () => {
    const source = [
      'const x = 1;',
      '/** Bad (docs/domain.md §7). */',
      '// also docs/domain.md §9, which is only in a code fence',
      '// and docs/interfaces.md "Survey" and docs/nowhere.md §1 and docs/interfaces.md “Conventions”',
    ].join('\n');
    expect(formatProblems(checkSource('apps/api/src/x.ts', source, docs)).split('\n')).toEqual([
      'apps/api/src/x.ts:2: docs/domain.md §7: no heading "## 7." in docs/domain.md',
      'apps/api/src/x.ts:3: docs/domain.md §9: no heading "## 9." in docs/domain.md',
      'apps/api/src/x.ts:4: docs/interfaces.md "Survey": no such heading in docs/interfaces.md',
      'apps/api/src/x.ts:4: docs/nowhere.md does not exist',
      'apps/api/src/x.ts:4: docs/interfaces.md "“…": no such heading in docs/interfaces.md',
    ]);
  });

  it('refuses the old citation form', () => {
    const source = ['// (DOMAIN §5)', '/** INTERFACES "Recruitment"; DESIGN "Running"; TOOLCHAIN.md */'].join(
      '\n',
    );
    expect(checkSource('b.ts', source, docs).map((p) => [p.line, /"([^"]+)"/.exec(p.message)?.[1]])).toEqual([
      [1, 'DOMAIN'],
      [2, 'INTERFACES'],
      [2, 'DESIGN'],
      [2, 'TOOLCHAIN.md'],
    ]);
  });
});

describe('the repository', () => {
  it('cites only sections that exist in docs/, and no document outside it', () => {
    const problems = checkRepository(repoRoot(dirname(fileURLToPath(import.meta.url))));
    expect(problems, `citations that do not resolve:\n${formatProblems(problems)}\n`).toEqual([]);
  });
});
