/**
 * Citations of the project's documents in code comments, and the check that every cited section exists.
 * The citation form is described in docs/README.md: `docs/domain.md §5` (a numbered section, also `§4, §7` and
 * `§5–§6`), `docs/interfaces.md "Survey and KPIs"` (a heading, exactly, in straight double quotes), or a bare
 * `docs/toolchain.md` (the whole document).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The sections of one Markdown document: its numbered `## N.` sections and the text of every heading. */
export interface DocSections {
  numbers: Set<number>;
  headings: Set<string>;
}

/** One citation found in a source file. `section` is absent for a citation of the whole document. */
export interface Citation {
  line: number;
  doc: string;
  section?: { kind: 'number'; n: number } | { kind: 'heading'; text: string };
  raw: string;
}

/** A problem with one citation, or a citation in the old form. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** Reads the headings (`##` to `######`) of a Markdown document; `## 5. Title` also gives section 5. */
export function parseSections(markdown: string): DocSections {
  const numbers = new Set<number>();
  const headings = new Set<string>();
  let fenced = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{2,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/.exec(line);
    if (!heading?.[1]) continue;
    headings.add(heading[1]);
    const numbered = /^##[ \t]+(\d+)\.[ \t]/.exec(line);
    if (numbered?.[1]) numbers.add(Number(numbered[1]));
  }
  return { numbers, headings };
}

/** The line number (1-based) of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// Between a document and its section: spaces, and at most one line break of a wrapped comment (`*` or `//`).
const GAP = String.raw`[ \t]*(?:\r?\n[ \t]*(?:\*(?!\/)|\/\/)?[ \t]*)?`;
const DOC = String.raw`\bdocs\/((?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+\.md)\b`;
const NUMBERS = String.raw`§(\d+)((?:[ \t]*(?:,|and|–|-|to)[ \t]*§\d+)*)`;
const HEADING = String.raw`"([^"\n]+)"`;
const CITATION = new RegExp(`${DOC}(?:${GAP}(?:${NUMBERS}|${HEADING}|([“”«「]|'[A-Z])))?`, 'g');

/** Every citation of a `docs/….md` document in a source text; a range `§5–§6` cites both ends. */
export function findCitations(source: string): Citation[] {
  const found: Citation[] = [];
  for (const m of source.matchAll(CITATION)) {
    const [raw, doc, first, more, heading, badQuote] = m;
    const line = lineOf(source, m.index);
    if (!doc) continue;
    if (first !== undefined) {
      const ns = [first, ...[...(more ?? '').matchAll(/§(\d+)/g)].map((x) => x[1] ?? '')];
      for (const n of ns) found.push({ line, doc, section: { kind: 'number', n: Number(n) }, raw });
    } else if (heading !== undefined) {
      found.push({ line, doc, section: { kind: 'heading', text: heading }, raw });
    } else if (badQuote !== undefined) {
      // A heading in other quotes never matches: report it as a heading that does not exist.
      found.push({ line, doc, section: { kind: 'heading', text: `${badQuote}…` }, raw });
    } else {
      found.push({ line, doc, raw });
    }
  }
  return found;
}

// The old form named a document that is not in the repository by a bare upper-case word.
const LEGACY = /\b(DOMAIN|INTERFACES|DESIGN|TOOLCHAIN)(?:\.md)?\b/g;

/** Citations in the old form (`DOMAIN §5`, `INTERFACES "Recruitment"`, …), by line. */
export function findLegacyCitations(source: string): { line: number; word: string }[] {
  return [...source.matchAll(LEGACY)].map((m) => ({ line: lineOf(source, m.index), word: m[0] }));
}

/**
 * Checks the citations of one source file against the documents' sections. `docs` maps a path under docs/ (e.g.
 * `domain.md`) to its sections; a path that is not in it is a document that does not exist.
 */
export function checkSource(file: string, source: string, docs: Map<string, DocSections>): Problem[] {
  const problems: Problem[] = [];
  for (const { line, word } of findLegacyCitations(source)) {
    problems.push({
      file,
      line,
      message: `old citation form "${word}" names a document that is not in the repository; cite docs/….md (see docs/README.md)`,
    });
  }
  for (const c of findCitations(source)) {
    const sections = docs.get(c.doc);
    if (!sections) {
      problems.push({ file, line: c.line, message: `docs/${c.doc} does not exist` });
      continue;
    }
    if (c.section?.kind === 'number' && !sections.numbers.has(c.section.n)) {
      problems.push({
        file,
        line: c.line,
        message: `docs/${c.doc} §${c.section.n}: no heading "## ${c.section.n}." in docs/${c.doc}`,
      });
    }
    if (c.section?.kind === 'heading' && !sections.headings.has(c.section.text)) {
      problems.push({
        file,
        line: c.line,
        message: `docs/${c.doc} "${c.section.text}": no such heading in docs/${c.doc}`,
      });
    }
  }
  return problems;
}

/** The source files that the check scans, as paths from the repository root. */
export const SCANNED = /^(apps|packages|tooling|tests|deploy)\/.+\.(ts|js|mjs|cjs|svelte)$/;

/** This module and its test hold examples of bad and old citations on purpose. */
export const SELF = new Set(['tooling/scripts/src/citations.ts', 'tooling/scripts/src/citations.test.ts']);

/** The repository's root, found from a directory inside it. */
export function repoRoot(from: string): string {
  return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: from, encoding: 'utf8' }).trim();
}

/** Checks every tracked source file of the repository at `root`; no problems means every citation resolves. */
export function checkRepository(root: string): Problem[] {
  const tracked = execFileSync('git', ['ls-files', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  })
    .split('\0')
    .filter((path) => path !== '' && existsSync(join(root, path)));
  const docs = new Map<string, DocSections>();
  for (const path of tracked) {
    if (path.startsWith('docs/') && path.endsWith('.md')) {
      docs.set(path.slice('docs/'.length), parseSections(readFileSync(join(root, path), 'utf8')));
    }
  }
  const problems: Problem[] = [];
  for (const path of tracked) {
    if (!SCANNED.test(path) || SELF.has(path)) continue;
    problems.push(...checkSource(path, readFileSync(join(root, path), 'utf8'), docs));
  }
  return problems;
}

/** One line per problem: `file:line: message`. */
export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n');
}
