// Starts dynalite (an Apache-2.0 DynamoDB implementation) on 127.0.0.1:<port>.
// Exits when its parent's pipe on stdin closes, so a killed JVM never leaves it behind.
const dynalite = require('dynalite');
const port = parseInt(process.argv[2], 10);
const path = process.argv[3];
const options = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };
if (path) options.path = path;
const server = dynalite(options);
// A client killed mid-request (crash tests SIGKILL dispatchers) must not take the server down.
server.on('clientError', (err, socket) => socket.destroy());
process.on('uncaughtException', (err) => console.error('dynalite: ' + (err && err.stack || err)));
server.listen(port, '127.0.0.1', (err) => {
  if (err) { console.error(err); process.exit(1); }
  console.log('dynalite listening on ' + port);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => server.close(() => process.exit(0)));
