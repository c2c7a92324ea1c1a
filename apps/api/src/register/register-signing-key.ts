import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CheckpointStatement, SignedCheckpoint } from '@vigie/contracts';
import type { AppConfig } from '../config/config';

export const REGISTER_SIGNING_KEY = Symbol('REGISTER_SIGNING_KEY');

/** The Ed25519 key that signs the register's checkpoints. */
export interface RegisterSigningKey {
  privateKey: KeyObject;
  publicKeyPem: string;
  /** Set when the key was generated here (development, demos). */
  generatedFile?: string;
}

export function signingKeyPath(config: AppConfig): string {
  return config.REGISTER_SIGNING_KEY_FILE ?? join(config.DATA_DIR, 'register-signing-key.pem');
}

/**
 * Reads the key, or outside production creates it. Several processes may start together:
 * the file is created exclusively and whoever loses the race reads the winner's key.
 */
export function loadSigningKey(config: AppConfig): RegisterSigningKey {
  const path = signingKeyPath(config);
  let generatedFile: string | undefined;
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || config.NODE_ENV === 'production') throw error;
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(path), { recursive: true });
    try {
      writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
      generatedFile = path;
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
    }
    pem = readFileSync(path, 'utf8');
  }
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${path} is not an Ed25519 private key`);
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, publicKeyPem, generatedFile };
}

/** The signed bytes: the statement's fields in a fixed order. */
function statementBytes(statement: CheckpointStatement): Buffer {
  return Buffer.from(JSON.stringify({ sequence: statement.sequence, headHash: statement.headHash, time: statement.time }));
}

export function signCheckpoint(key: RegisterSigningKey, statement: CheckpointStatement): SignedCheckpoint {
  return {
    sequence: statement.sequence,
    headHash: statement.headHash,
    time: statement.time,
    algorithm: 'Ed25519',
    publicKey: key.publicKeyPem,
    signature: sign(null, statementBytes(statement), key.privateKey).toString('base64'),
  };
}

/** Whether `checkpoint` was signed by the holder of `publicKeyPem` (the checkpoint's own key by default). */
export function checkpointSignatureValid(checkpoint: SignedCheckpoint, publicKeyPem = checkpoint.publicKey): boolean {
  try {
    return verify(null, statementBytes(checkpoint), createPublicKey(publicKeyPem), Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}
