// `/api/health` latency while large uploads are read: a 50 MB CSV import and an .xlsx bomb, against idle.
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { fmt, makeDemoDb, PORT, ratio, signIn, withServer, work, type BenchRow } from './harness.js';

/** 300,000 top-level units with long names: about 50 MB of valid CSV, the most rows an import takes. */
function bigUnitsCsv(): Uint8Array {
  const name = '品川区総務部人材育成担当'.repeat(4);
  const lines = ['code,name,parent_code,level'];
  for (let i = 0; i < 300_000; i += 1) lines.push(`${1_000_000 + i},${name}${i},,部`);
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

/** An .xlsx whose one sheet unzips to 200 MB while its headers claim 1 kB: refused at the unzip limit. */
function xlsxBomb(): Uint8Array {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = deflateRawSync(Buffer.alloc(200 * 2 ** 20, 'a'));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1_000, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1_000, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.99) - 1] ?? NaN;

/**
 * ms of one GET /api/health, as a client sees it: a kept-alive connection that the server closed while it was busy
 * is retried once on a new one, and the retry counts.
 */
async function health(): Promise<number> {
  const t0 = performance.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (res.status !== 200) throw new Error(`/api/health: ${res.status}`);
      await res.arrayBuffer();
      return performance.now() - t0;
    } catch (err) {
      if (attempt > 0) throw err;
    }
  }
}

/** Latencies of /api/health asked one after another until `job` settles (at least `min` of them). */
async function healthDuring(job: Promise<unknown>, min = 20): Promise<number[]> {
  let done = false;
  const settled = job.finally(() => {
    done = true;
  });
  const ms: number[] = [];
  while (!done || ms.length < min) ms.push(await health());
  await settled;
  return ms;
}

export async function uploadBench(rows: BenchRow[]): Promise<void> {
  const dbFile = join(work, 'upload.db');
  await makeDemoDb(dbFile);
  const csv = bigUnitsCsv();
  const bomb = xlsxBomb();
  await withServer(dbFile, false, async () => {
    const cookie = await signIn('hr');
    const post = async (body: Uint8Array, type: string, expected: number) => {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/org/units`, {
        method: 'POST',
        headers: { cookie, 'content-type': type },
        body,
      });
      if (res.status !== expected) throw new Error(`upload: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    for (let i = 0; i < 20; i++) await health();
    const idle: number[] = [];
    for (let i = 0; i < 300; i++) idle.push(await health());
    const idleP99 = p99(idle);

    const during = async (measure: string, job: () => Promise<unknown>) => {
      const ms = await healthDuring(job());
      const value = p99(ms);
      rows.push({
        measure,
        value: `${fmt(value, 1)} ms (max ${fmt(Math.max(...ms))} ms, ${ms.length} requests)`,
        baseline: `${fmt(idleP99, 1)} ms (idle p99)`,
        ratio: ratio(value, idleP99),
        target: 'print',
      });
    };
    await during(
      `/api/health p99 while a ${fmt(csv.length / 2 ** 20)} MB CSV (300,000 units) is imported`,
      () => post(csv, 'text/csv', 200),
    );
    await during('/api/health p99 while five .xlsx bombs (200 MB unzipped) are refused', async () => {
      for (let i = 0; i < 5; i++)
        await post(bomb, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 413);
    });
  });
}
