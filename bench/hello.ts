// The machine's yardstick: a bare Fastify "hello world" at 10 connections, as ARCHITECTURE.md's
// budgets assume it (20,000–30,000 requests per second on their 2-core machine).
// Run: npx tsx bench/hello.ts
import autocannon from 'autocannon';
import Fastify from 'fastify';

const app = Fastify();
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
const url = `http://127.0.0.1:${port}/`;
await autocannon({ url, connections: 10, duration: 3 });
const r = await autocannon({ url, connections: 10, duration: 10 });
console.log(
  `hello world: ${Math.round(r.requests.average)} requests/s, p99 ${r.latency.p99} ms (10 connections, 10 s)`,
);
await app.close();
