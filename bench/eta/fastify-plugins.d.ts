// The module doors the benchmark imports (eta, sla) also export their routes, whose types rely
// on the Fastify plugins that app.ts registers. The benchmark never builds the app, so it loads
// those plugins' type augmentations here.
import '@fastify/cookie';
import '@fastify/rate-limit';
import '@fastify/websocket';
