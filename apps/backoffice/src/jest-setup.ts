import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks the encoders react-router reads when it loads.
Object.assign(globalThis, { TextEncoder, TextDecoder });
