import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckpointStatement, SignedCheckpoint } from '@vigie/contracts';
import { readOrCreateSecretFile } from '../common/secret-file';
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

/** A new Ed25519 private key, as PKCS#8 PEM. */
export const newSigningKeyPem = (): string => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** Reads the key, or outside production creates it (once, whichever process starts first). */
export function loadSigningKey(config: AppConfig): RegisterSigningKey {
  const path = signingKeyPath(config);
  const { value: pem, created } =
    config.NODE_ENV === 'production'
      ? { value: readFileSync(path, 'utf8'), created: false }
      : readOrCreateSecretFile(path, newSigningKeyPem);
  const generatedFile = created ? path : undefined;
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${path} is not an Ed25519 private key`);
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, publicKeyPem, generatedFile };
}

/**
 * The signed bytes: the statement's fields in a fixed order. The journal's head comes last, and
 * only when present: checkpoints signed before the journal was chained keep their bytes.
 */
function statementBytes(statement: CheckpointStatement): Buffer {
  const { sequence, headHash, time, journal } = statement;
  return Buffer.from(
    JSON.stringify({ sequence, headHash, time, ...(journal ? { journal: { sequence: journal.sequence, headHash: journal.headHash } } : {}) }),
  );
}

export function signCheckpoint(key: RegisterSigningKey, statement: CheckpointStatement): SignedCheckpoint {
  return {
    sequence: statement.sequence,
    headHash: statement.headHash,
    time: statement.time,
    ...(statement.journal ? { journal: statement.journal } : {}),
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
