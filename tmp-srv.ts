import { createApp } from '@claimdesk/server';
async function main() {
  const app = await createApp({ databaseUrl: process.env.URL!, logLevel: 'silent' });
  const server = app.getHttpServer();
  const t0 = Date.now();
  const rec: Array<[number, number, number]> = [];
  const firsts: Array<[number, number]> = [];
  server.prependListener('request', (req: any, res: any) => {
    const a = performance.now();
    const sockAge = a - (req.socket.__born ?? a);
    if (!req.socket.__first) { req.socket.__first = a; firsts.push([Math.round(req.socket.__born), Math.round(a - req.socket.__born)]); }
    res.once('finish', () => rec.push([Math.round(a), Math.round(performance.now() - a), Math.round(sockAge)]));
  });
  server.prependListener('connection', (s: any) => { s.__born = performance.now(); });
  await app.listen(3999, '127.0.0.1');
  console.log('ready');
  let last = 0;
  server.prependListener('request', () => { last = Date.now(); });
  setInterval(() => {
    if (rec.length === 0 || Date.now() - last < 1500) return;
    const sorted = [...rec].sort((x, y) => y[1] - x[1]).slice(0, 15);
    console.log('n', rec.length, 'slowest (arrival ms, server ms, socket age at arrival):', JSON.stringify(sorted));
    const lat = rec.map((r) => r[1]).sort((x, y) => x - y);
    console.log('server-side p50', lat[Math.floor(lat.length / 2)], 'p99', lat[Math.floor(lat.length * 0.99)]);
    const b0 = Math.min(...firsts.map((f) => f[0]));
    console.log('connections', firsts.length, 'born spread ms', Math.max(...firsts.map((f) => f[0])) - b0, 'first-request delay max', Math.max(...firsts.map((f) => f[1])), JSON.stringify(firsts.map((f) => [f[0] - b0, f[1]]).slice(0, 70)));
    firsts.length = 0;
    rec.length = 0;
  }, 500);
}
void main();
