// Reading a password for the command line: the first line of standard input, or a prompt that does not echo.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Reads all of a piped standard input and returns its first line. */
async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Asks once on the terminal, echoing nothing of what is typed. */
function ask(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

/**
 * A secret from the person at the command line: piped in (`echo … | jinzai users reset-password LOGIN`), or typed
 * twice at a prompt; null when the two typings differ.
 */
export async function readSecret(prompt: string): Promise<string | null> {
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const first = await ask(prompt);
  const again = await ask('もう一度入力してください: ');
  return first === again ? first : null;
}
