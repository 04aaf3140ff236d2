#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly, as `npm start` does for the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
