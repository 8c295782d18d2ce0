// The Node Socket.IO 4 server the benchmark runs beside the gateway. It does what the gateway does for the
// benchmark's events and nothing more: verifies the same RS256 JWT (handshake auth {token}), joins the rooms
// role:<group> of the token's groups, reads the same Kafka topic from its end and emits each record value, as a
// string, to the room(s) in its rt-channels header.
//
// Configuration (environment): PORT, KAFKA_BROKERS, TOPIC, PUBLIC_KEY_FILE, ISSUER.
// HTTP: GET /ready answers 200 once the consumer has joined its group and fetches;
//       GET /stats answers {rss, heapUsed, external, arrayBuffers, connections} after a full GC (node --expose-gc).
'use strict';

const fs = require('fs');
const http = require('http');
const jwt = require('jsonwebtoken');
const { Kafka, logLevel } = require('kafkajs');
const { Server } = require('socket.io');

const port = Number(process.env.PORT || 3000);
const brokers = (process.env.KAFKA_BROKERS || 'localhost:9092').split(',');
const topic = process.env.TOPIC || 'bench.events';
const publicKey = fs.readFileSync(process.env.PUBLIC_KEY_FILE);
const issuer = process.env.ISSUER || 'realtime-bench';

let ready = false;

const httpServer = http.createServer((req, res) => {
  if (req.url === '/ready') {
    res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' });
    res.end(ready ? 'ready' : 'starting');
  } else if (req.url === '/stats') {
    if (global.gc) {
      global.gc();
    }
    const memory = process.memoryUsage();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      external: memory.external,
      arrayBuffers: memory.arrayBuffers,
      connections: io.engine.clientsCount,
    }));
  } else {
    res.writeHead(404);
    res.end();
  }
});

const io = new Server(httpServer, { transports: ['websocket'], serveClient: false });

io.use((socket, next) => {
  const token = socket.handshake.auth && socket.handshake.auth.token;
  try {
    const claims = jwt.verify(token, publicKey, { algorithms: ['RS256'], issuer });
    socket.data.groups = Array.isArray(claims.groups) ? claims.groups : [];
    socket.data.subject = claims.sub;
    next();
  } catch (e) {
    next(new Error('unauthorized'));
  }
});

io.on('connection', (socket) => {
  socket.join('user:' + socket.data.subject);
  for (const group of socket.data.groups) {
    socket.join('role:' + group);
  }
  socket.join('broadcast');
});

const kafka = new Kafka({ clientId: 'bench-node', brokers, logLevel: logLevel[process.env.KAFKA_LOG_LEVEL || 'WARN'] });
// a group of its own each start: it reads from the end, like the gateway, and shares partitions with nobody
const consumer = kafka.consumer({ groupId: 'bench-node-' + process.pid + '-' + Date.now() });

async function main() {
  await consumer.connect();
  consumer.on(consumer.events.GROUP_JOIN, () => {
    ready = true;
  });
  await consumer.subscribe({ topic, fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const header = message.headers && message.headers['rt-channels'];
      if (!header) {
        return;
      }
      const value = message.value.toString();
      for (const channel of header.toString().split(',')) {
        io.to(channel.trim()).emit('event', value);
      }
    },
  });
  // a consumer that crashed while the group coordinator was loading restarts without reporting GROUP_JOIN again
  const stable = setInterval(async () => {
    try {
      const group = await consumer.describeGroup();
      if (group.state === 'Stable') {
        ready = true;
      }
    } catch (e) {
      // not joined yet
    }
    if (ready) {
      clearInterval(stable);
    }
  }, 500);
  httpServer.listen(port, () => console.log('bench node server on port ' + port + ', topic ' + topic));
}

process.on('SIGTERM', async () => {
  try {
    await consumer.disconnect();
  } finally {
    process.exit(0);
  }
});

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
