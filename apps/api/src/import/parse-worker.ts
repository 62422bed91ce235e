// The worker thread that reads uploads (decode, CSV or .xlsx, row checks) off the server's event loop; see off-thread.ts.
import { parentPort } from 'node:worker_threads';
import { ImportError } from './errors.js';
import { CELL_SEPARATOR, type WorkerJob, type WorkerMessage } from './off-thread.js';
import { parseTable } from './table.js';

/** Rows per message: small enough that the main thread rebuilds each in a few milliseconds. */
const CHUNK = 2_000;

const port = parentPort;
if (!port) throw new Error('parse-worker runs only as a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);

// One job at a time: the pool sends the next only after this one's last message.
port.on('message', ({ bytes, contentType }: WorkerJob) => {
  void parseTable(bytes, contentType).then(
    (table) => {
      post({ type: 'header', header: table.header, encoding: table.encoding });
      for (let start = 0; start < table.rows.length; start += CHUNK) {
        const slice = table.rows.slice(start, start + CHUNK);
        const cells: string[] = [];
        for (const { values } of slice) for (const name of table.header) cells.push(values[name] ?? '');
        // One string per chunk: copying it to the main thread costs far less than copying each cell.
        post({ type: 'rows', numbers: slice.map((r) => r.row), cells: cells.join(CELL_SEPARATOR) });
      }
      post({ type: 'done' });
    },
    (err: unknown) => {
      if (err instanceof ImportError) {
        post({
          type: 'refused',
          code: err.code,
          message: err.message,
          details: err.details,
          status: err.status,
        });
      } else {
        post({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      }
    },
  );
});
